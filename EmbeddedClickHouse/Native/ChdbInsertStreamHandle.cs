using System.Runtime.InteropServices;

namespace Icesco.Insights.EmbeddedClickHouse.Native;

/// <summary>
/// Owns a <c>chdb_insert_stream</c>. The header requires destroying every handle, on error paths too;
/// destroying an unfinished stream cancels it.
/// </summary>
internal sealed class ChdbInsertStreamHandle : SafeHandle
{
    public ChdbInsertStreamHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        ChdbNative.DestroyInsertStream(handle);
        return true;
    }
}
