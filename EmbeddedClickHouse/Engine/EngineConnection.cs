using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Native;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// One engine connection (a ClickHouse session inside chDB). It runs one statement at a time, so the
/// pool hands it to one request at a time; the session state it carries (current database, settings)
/// is reset by <see cref="RequestScope"/> so nothing leaks into the next request.
/// </summary>
internal sealed unsafe class EngineConnection : IDisposable
{
    private nint pointer;

    public EngineConnection(nint pointer)
    {
        this.pointer = pointer;
    }

    /// <summary>The session's current database, tracked so <c>USE</c> is only sent when it changes.</summary>
    public string CurrentDatabase { get; set; } = "default";

    /// <summary>Set when the session state is unknown (a reset failed, the client ran SET or USE): the pool replaces it.</summary>
    public bool Tainted { get; set; }

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(pointer == nint.Zero, this);
            return *(nint*)pointer;
        }
    }

    public EngineResult Execute(ReadOnlySpan<byte> query, string format, IReadOnlyCollection<KeyValuePair<string, string>> parameters)
    {
        var formatBytes = Encoding.UTF8.GetBytes(format);
        using var arguments = new Utf8Arguments(parameters);
        fixed (byte* q = query)
        fixed (byte* f = formatBytes)
        {
            var handle = ChdbNative.QueryWithParams(
                Handle, q, (nuint)query.Length, f, (nuint)formatBytes.Length,
                arguments.Names, arguments.NameLengths, arguments.Values, arguments.ValueLengths, arguments.Count);
            return new EngineResult(handle);
        }
    }

    /// <summary>Runs a statement of our own (USE, SET); a failure is the engine's error, raised.</summary>
    public void ExecuteOrThrow(string sql)
    {
        using var result = Execute(Encoding.UTF8.GetBytes(sql), "TabSeparated", []);
        if (result.Error is not null)
        {
            throw new EngineException(result.Error);
        }
    }

    public EngineInsert BeginInsert(ReadOnlySpan<byte> statement, string format, IReadOnlyCollection<KeyValuePair<string, string>> parameters)
    {
        var formatBytes = Encoding.UTF8.GetBytes(format);
        using var arguments = new Utf8Arguments(parameters);
        fixed (byte* q = statement)
        fixed (byte* f = formatBytes)
        {
            var handle = ChdbNative.StreamInsertWithParams(
                Handle, q, (nuint)statement.Length, f, (nuint)formatBytes.Length,
                arguments.Names, arguments.NameLengths, arguments.Values, arguments.ValueLengths, arguments.Count);
            return new EngineInsert(handle);
        }
    }

    public void Dispose()
    {
        if (pointer != nint.Zero)
        {
            ChdbNative.CloseConnection(pointer);
            pointer = nint.Zero;
        }
    }
}
