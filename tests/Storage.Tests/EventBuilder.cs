namespace Icesco.Insights.Storage.Tests;

/// <summary>Raw event rows with sensible random defaults that a test overrides.</summary>
internal static class EventBuilder
{
    public static readonly string[] PageViewColumns =
        ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"];

    public static readonly string[] FeedbackColumns = [.. PageViewColumns, "rating", "rating_scale", "comment"];

    public static object[] PageView(string site, DateTime time, string topic = "culture", string[]? memberStates = null, ulong visitor = 1, string country = "MA") =>
        [Guid.NewGuid(), time, time, site, "a-1", "https://icesco.org/en/a-1", "/en/a-1", topic, memberStates ?? ["MA"], visitor, country, "en", "desktop", ""];

    public static object[] Feedback(string site, DateTime time, byte rating, byte scale = 5, string topic = "culture", string[]? memberStates = null, string country = "MA", string comment = "") =>
        [.. PageView(site, time, topic, memberStates, 1, country), rating, scale, comment];

    /// <summary>A recent minute, so that raw rows are inside the retention TTL.</summary>
    public static DateTime RecentMinute()
    {
        var t = DateTime.UtcNow.AddMinutes(-10);
        return new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }
}
