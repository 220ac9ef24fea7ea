using System.Runtime.InteropServices;
using Icesco.Insights.EmbeddedClickHouse.Native;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// A finished statement: its output (still in engine memory, read without copying), its error, and
/// the progress figures the HTTP interface reports in <c>X-ClickHouse-Summary</c>.
/// </summary>
internal sealed unsafe class EngineResult : IDisposable
{
    private readonly ChdbResultHandle handle;

    public EngineResult(ChdbResultHandle handle)
    {
        this.handle = handle;
        if (handle.IsInvalid)
        {
            Error = "Code: 1001. DB::Exception: the engine returned no result. (STD_EXCEPTION)";
            return;
        }

        var error = ChdbNative.ResultError(handle);
        Error = error is null ? null : Marshal.PtrToStringUTF8((nint)error);
        if (string.IsNullOrEmpty(Error))
        {
            Error = null;
        }

        Length = (long)ChdbNative.ResultLength(handle);
        ResultRows = ChdbNative.ResultRowsRead(handle);
        ResultBytes = ChdbNative.ResultBytesRead(handle);
        ReadRows = ChdbNative.ResultStorageRowsRead(handle);
        ReadBytes = ChdbNative.ResultStorageBytesRead(handle);
        WrittenRows = ChdbNative.ResultRowsWritten(handle);
        WrittenBytes = ChdbNative.ResultBytesWritten(handle);
        Elapsed = TimeSpan.FromSeconds(ChdbNative.ResultElapsed(handle));
    }

    public string? Error { get; }

    public long Length { get; }

    public ulong ResultRows { get; }

    public ulong ResultBytes { get; }

    public ulong ReadRows { get; }

    public ulong ReadBytes { get; }

    public ulong WrittenRows { get; }

    public ulong WrittenBytes { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The output, valid until this result is disposed.</summary>
    public Stream OpenOutput()
        => Length == 0
            ? Stream.Null
            : new UnmanagedMemoryStream(ChdbNative.ResultBuffer(handle), Length, Length, FileAccess.Read);

    public void Dispose() => handle.Dispose();
}
