using System.Globalization;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Named places of the write path where a test may have the process SIGKILL itself, to prove that
/// an event answered 202 survives a crash at exactly that place (issue 14: kills at append, fsync,
/// flush and checkpoint). Armed only by the environment variable <c>ICESCO_CRASH_AT=name:N</c> (die
/// at the Nth time <c>name</c> is reached); unset — always, outside those tests — each place costs
/// one comparison with a static readonly null, which the JIT removes.
/// </summary>
internal static class CrashPoints
{
    public const string Variable = "ICESCO_CRASH_AT";

    /// <summary>Records of a group written to the segment, not yet fsync'd (nothing answered yet).</summary>
    public const string AppendWritten = "append-written";

    /// <summary>The group's fsync returned; its requests not yet answered 202.</summary>
    public const string FsyncDone = "fsync-done";

    /// <summary>A batch's intent (pending range) is on disk; its insert not yet sent.</summary>
    public const string FlushBegun = "flush-begun";

    /// <summary>ClickHouse stored the batch; the checkpoint does not say so yet.</summary>
    public const string FlushInserted = "flush-inserted";

    /// <summary>The new checkpoint is written to its temporary file, not yet renamed over the old one.</summary>
    public const string CheckpointTemporary = "checkpoint-temporary";

    /// <summary>The checkpoint was renamed into place; its directory not yet fsync'd.</summary>
    public const string CheckpointRenamed = "checkpoint-renamed";

    public static IReadOnlyList<string> All { get; } = [AppendWritten, FsyncDone, FlushBegun, FlushInserted, CheckpointTemporary, CheckpointRenamed];

    private static readonly string? Armed = Parse(Environment.GetEnvironmentVariable(Variable), out Remaining);
    private static int Remaining;

    public static void Reach(string name)
    {
        if (Armed is null || !string.Equals(Armed, name, StringComparison.Ordinal))
        {
            return;
        }
        if (Interlocked.Decrement(ref Remaining) == 0)
        {
            Console.Out.WriteLine($"crash point {name} reached: SIGKILL");
            Console.Out.Flush();
            System.Diagnostics.Process.GetCurrentProcess().Kill(); // SIGKILL on Unix: no finally, no flush
        }
    }

    private static string? Parse(string? value, out int count)
    {
        count = 0;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var colon = value.LastIndexOf(':');
        count = colon > 0 && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return colon > 0 ? value[..colon] : value;
    }
}
