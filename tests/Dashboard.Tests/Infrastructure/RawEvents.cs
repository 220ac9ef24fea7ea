using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>
/// Page views and ratings written straight into a database's raw event tables, at the instants a test chooses
/// (the Collector stamps its own clock); the engine's materialized views fill the rollups from them as in production.
/// </summary>
public sealed class RawEvents(EngineFixture engine, string database)
{
    private ulong visitor;

    /// <summary><paramref name="count"/> views, each by a visitor of its own, of one story of <paramref name="topic"/>.</summary>
    public async Task ViewsAsync(DateTime at, int count, string topic, string[] states, string country, string language, string device, string referrer) =>
        await engine.Client.InsertBinaryAsync(
            "page_views",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"],
            Enumerable.Range(0, count).Select(_ => new object[]
            {
                Guid.NewGuid(), at, at, "icesco.org", $"{topic}-story", $"https://icesco.org/{language}/{topic}-story", $"/{language}/{topic}-story",
                topic, states, ++visitor, country, language, device, referrer,
            }).ToList(),
            QueryPurpose.Insert("test-raw-events", database));

    /// <summary>One rating per value of <paramref name="ratings"/> (of five answers), arriving from Google.</summary>
    public async Task RatingsAsync(DateTime at, string topic, string[] states, string country, string language, string device, params int[] ratings) =>
        await engine.Client.InsertBinaryAsync(
            "feedback",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host", "rating", "rating_scale", "comment"],
            ratings.Select(r => new object[]
            {
                Guid.NewGuid(), at, at, "icesco.org", $"{topic}-story", $"https://icesco.org/{language}/{topic}-story", $"/{language}/{topic}-story",
                topic, states, ++visitor, country, language, device, "www.google.com", (byte)r, (byte)5, "",
            }).ToList(),
            QueryPurpose.Insert("test-raw-events", database));

    /// <summary>
    /// The week the Explore tests look at: 2026-03-02..08 (six views, two ratings on the 3rd) beside 2026-02-23..03-01
    /// (two views on the 24th), all at 12:00 UTC, the middle of a local day in Africa/Casablanca (UTC+0 or +1).
    /// </summary>
    public async Task ExploreWeekAsync()
    {
        var thisWeek = new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        var weekBefore = new DateTime(2026, 2, 24, 12, 0, 0, DateTimeKind.Utc);
        await ViewsAsync(thisWeek, 3, "culture", ["MA"], "MA", "fr", "desktop", "www.google.com");
        await ViewsAsync(thisWeek, 2, "education", ["EG"], "EG", "ar", "mobile", "");
        await ViewsAsync(thisWeek, 1, "culture", ["MA", "SN"], "FR", "en", "mobile", "=cmd.example");
        await ViewsAsync(weekBefore, 2, "culture", ["MA"], "MA", "fr", "desktop", "www.google.com");
        await RatingsAsync(thisWeek, "culture", ["MA"], "MA", "fr", "desktop", 5, 2);
    }
}
