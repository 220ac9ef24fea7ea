using System.Runtime.InteropServices;
using Icesco.Insights.EmbeddedClickHouse.Native;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// A streaming INSERT: the statement is sent first, then the data in chunks as they arrive from the
/// request body, so an insert of any size never sits whole in memory.
/// </summary>
internal sealed unsafe class EngineInsert : IDisposable
{
    private readonly ChdbInsertStreamHandle handle;

    public EngineInsert(ChdbInsertStreamHandle handle)
    {
        this.handle = handle;
    }

    /// <summary>The engine's error so far (a failed start, or a failed chunk), or null.</summary>
    public string? Error
    {
        get
        {
            if (handle.IsInvalid)
            {
                return "Code: 1001. DB::Exception: the engine returned no insert stream. (STD_EXCEPTION)";
            }

            var error = ChdbNative.StreamInsertError(handle);
            var text = error is null ? null : Marshal.PtrToStringUTF8((nint)error);
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }

    /// <summary>Hands one chunk to the engine; false when the stream has failed (see <see cref="Error"/>).</summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        fixed (byte* data = chunk)
        {
            return ChdbNative.StreamAppend(handle, data, (nuint)chunk.Length) == 0;
        }
    }

    public EngineResult Finish() => new(ChdbNative.StreamDone(handle));

    public void Cancel() => ChdbNative.StreamCancelInsert(handle);

    public void Dispose() => handle.Dispose();
}
