using System.Runtime.InteropServices;
using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Native;

/// <summary>
/// Name/value pairs laid out in native memory as the <c>*_with_params_n</c> calls want them: two
/// pointer arrays and two length arrays, binary-safe (values may hold NUL bytes).
/// </summary>
internal sealed unsafe class Utf8Arguments : IDisposable
{
    private readonly byte* block;

    public Utf8Arguments(IReadOnlyCollection<KeyValuePair<string, string>> pairs)
    {
        Count = (nuint)pairs.Count;
        if (pairs.Count == 0)
        {
            return;
        }

        var encoded = pairs.Select(p => (Name: Encoding.UTF8.GetBytes(p.Key), Value: Encoding.UTF8.GetBytes(p.Value))).ToArray();
        var tables = (nuint)(4 * encoded.Length * sizeof(nint));
        var payload = (nuint)encoded.Sum(e => e.Name.Length + e.Value.Length);
        block = (byte*)NativeMemory.Alloc(tables + payload);

        Names = (byte**)block;
        Values = Names + encoded.Length;
        NameLengths = (nuint*)(Values + encoded.Length);
        ValueLengths = NameLengths + encoded.Length;
        var cursor = block + tables;
        for (var i = 0; i < encoded.Length; i++)
        {
            Names[i] = Copy(encoded[i].Name, ref cursor);
            NameLengths[i] = (nuint)encoded[i].Name.Length;
            Values[i] = Copy(encoded[i].Value, ref cursor);
            ValueLengths[i] = (nuint)encoded[i].Value.Length;
        }
    }

    public nuint Count { get; }

    public byte** Names { get; }

    public nuint* NameLengths { get; }

    public byte** Values { get; }

    public nuint* ValueLengths { get; }

    public void Dispose()
    {
        if (block is not null)
        {
            NativeMemory.Free(block);
        }
    }

    private static byte* Copy(byte[] bytes, ref byte* cursor)
    {
        var start = cursor;
        bytes.CopyTo(new Span<byte>(cursor, bytes.Length));
        cursor += bytes.Length;
        return start;
    }
}
