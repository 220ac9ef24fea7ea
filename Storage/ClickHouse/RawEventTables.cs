namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// The tables of raw events (migration 0003), the ones <see cref="ClickHouseOptions.RawEventRetention"/> applies to:
/// their TTL, and the retention job's partition drops. Rollups and trends are kept for good.
/// </summary>
public static class RawEventTables
{
    public static IReadOnlyList<string> Names { get; } = ["page_views", "feedback"];
}
