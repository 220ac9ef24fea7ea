namespace Icesco.Insights.Panels;

/// <summary>
/// Queries a panel may name instead of giving SQL: live figures the Dashboard computes once per tick and
/// pushes to every client (one query per server, not per client), so they cannot be a panel's own SELECT.
/// </summary>
public static class PanelNamedQueries
{
    /// <summary>Name → what it yields.</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["live.views-per-minute-by-topic"] = "views per minute for the last hour, one series per topic",
        ["live.views-per-minute-by-member-state"] = "views per minute for the last hour, one series per member state",
        ["live.engagement-by-member-state"] = "views of the last hour per member state (the map)",
        ["live.top-articles"] = "the most viewed articles of the last hour",
        ["live.active-visitors"] = "unique visitors of the last 5 minutes",
        ["live.csat-last-hour"] = "CSAT of the last hour with its Wilson interval",
        ["live.ratings-feed"] = "new ratings and their comments as they arrive",
    };
}
