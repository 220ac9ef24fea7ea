using System.Text.Json;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>Sets a log's checkpoint back to "batch [start, end) sent, not confirmed", as a process killed after the insert leaves it.</summary>
internal static class PendingCheckpoint
{
    public static async Task SetAsync(string logDirectory, long start, long end)
    {
        var checkpoint = Path.Combine(logDirectory, "checkpoint.json");
        var stored = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(checkpoint));
        var segment = stored.GetProperty("Segment").GetInt64();
        await File.WriteAllTextAsync(checkpoint, $$"""{"Segment":{{segment}},"Offset":{{start}},"PendingEnd":{{end}}}""");
    }
}
