using System.Runtime.InteropServices;

namespace Icesco.Insights.EmbeddedClickHouse.Native;

/// <summary>Owns a <c>chdb_result*</c>; destroying it frees the engine's result buffer.</summary>
internal sealed class ChdbResultHandle : SafeHandle
{
    public ChdbResultHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        ChdbNative.DestroyQueryResult(handle);
        return true;
    }
}
