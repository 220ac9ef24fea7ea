using System.Buffers.Binary;
using System.Text;

namespace Icesco.Insights.Bench;

/// <summary>
/// The benchmark's rows, both as driver rows and as the RowBinary bytes the raw engine path appends,
/// so both paths insert the same data: (id UInt64, topic LowCardinality(String), at DateTime64(3,'UTC'), rating UInt8, comment String).
/// </summary>
internal static class RowBinaryRows
{
    public const string Columns = "id UInt64, topic LowCardinality(String), at DateTime64(3, 'UTC'), rating UInt8, comment String";
    public static readonly string[] Names = ["id", "topic", "at", "rating", "comment"];
    private static readonly string[] Topics = ["education", "culture", "heritage", "science_technology", "other"];
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<object[]> Driver(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return [(ulong)i, Topics[i % Topics.Length], Start.AddMilliseconds(i), (byte)((i % 5) + 1), Comment(i)];
        }
    }

    /// <summary>The same rows encoded as RowBinary, in chunks of about <paramref name="chunkBytes"/>.</summary>
    public static IEnumerable<byte[]> Encoded(int count, int chunkBytes)
    {
        var chunk = new MemoryStream(chunkBytes + 256);
        var scratch = new byte[16];
        var epochMs = (long)(Start - DateTime.UnixEpoch).TotalMilliseconds;
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, (ulong)i);
            chunk.Write(scratch, 0, 8);
            WriteString(chunk, Topics[i % Topics.Length]);
            BinaryPrimitives.WriteInt64LittleEndian(scratch, epochMs + i);
            chunk.Write(scratch, 0, 8);
            chunk.WriteByte((byte)((i % 5) + 1));
            WriteString(chunk, Comment(i));
            if (chunk.Length >= chunkBytes)
            {
                yield return chunk.ToArray();
                chunk.SetLength(0);
            }
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToArray();
        }
    }

    private static string Comment(int i) => i % 10 == 0 ? $"comment {i}: the page loads slowly" : string.Empty;

    private static void WriteString(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = (uint)bytes.Length;
        while (length >= 0x80)
        {
            stream.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }

        stream.WriteByte((byte)length);
        stream.Write(bytes);
    }
}
