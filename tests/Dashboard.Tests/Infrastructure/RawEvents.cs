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

    /// <summary>The Kazan story's versions as the article registry holds them: one translation group, three languages.</summary>
    public static readonly IReadOnlyList<(string Id, string Language, string Title)> Kazan =
    [
        ("kazan-ar", "ar", "الإيسيسكو تشارك في منتدى قازان"),
        ("kazan-en", "en", "ICESCO takes part in the Kazan Forum"),
        ("kazan-fr", "fr", "L'ICESCO participe au Forum de Kazan"),
    ];

    /// <summary>The comments of <see cref="ExploreStoryAsync"/>, newest last, each (version, rating, text).</summary>
    public static readonly IReadOnlyList<(string Article, int Rating, string Comment)> KazanComments =
    [
        ("kazan-ar", 5, "مقالٌ رائعٌ عن التَّعليمِ في قازانَ"),
        ("kazan-en", 4, "Great coverage of the forum"),
        ("kazan-fr", 2, "=HYPERLINK(\"http://x.example\") l'école mérite mieux"),
        ("kazan-en", 1, "<img src=x onerror=alert(1)> too short"),
        ("kazan-fr", 3, ""),
    ];

    /// <summary>
    /// The Kazan story in the registry, with views of each version on 2026-03-03 (ar 4, en 2, fr 1; 12:00 UTC) and on
    /// 2026-02-24 (en 1), and the ratings of <see cref="KazanComments"/> on 2026-03-04, one minute apart from 09:00 UTC.
    /// </summary>
    public async Task ExploreStoryAsync()
    {
        var updated = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await engine.Client.InsertBinaryAsync(
            "articles",
            ["article_id", "url", "language", "title_ar", "title_en", "title_fr", "topic", "member_states", "translation_group", "published_at", "updated_at"],
            Kazan.Select(v => new object[]
            {
                v.Id, $"https://icesco.org/{v.Language}/kazan", v.Language, Kazan[0].Title, Kazan[1].Title, Kazan[2].Title,
                "culture", new[] { "MA", "SN" }, "kazan-forum", updated, updated,
            }).ToList(),
            QueryPurpose.Insert("test-articles", database));
        var day = new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        await StoryViewsAsync(day, "kazan-ar", "ar", "EG", "", 4);
        await StoryViewsAsync(day, "kazan-en", "en", "MA", "www.google.com", 2);
        await StoryViewsAsync(day, "kazan-fr", "fr", "SN", "www.facebook.com", 1);
        await StoryViewsAsync(new DateTime(2026, 2, 24, 12, 0, 0, DateTimeKind.Utc), "kazan-en", "en", "MA", "", 1);
        var first = new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
        await engine.Client.InsertBinaryAsync(
            "feedback",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host", "rating", "rating_scale", "comment"],
            KazanComments.Select((c, i) =>
            {
                var language = c.Article[^2..];
                return new object[]
                {
                    Guid.NewGuid(), first.AddMinutes(i), first.AddMinutes(i), "icesco.org", c.Article, $"https://icesco.org/{language}/kazan", $"/{language}/kazan",
                    "culture", new[] { "MA", "SN" }, ++visitor, language == "ar" ? "EG" : "MA", language, "mobile", "", (byte)c.Rating, (byte)5, c.Comment,
                };
            }).ToList(),
            QueryPurpose.Insert("test-raw-events", database));
    }

    /// <summary>
    /// Two registered articles without a translation group (the registry allows it), "lone-a" with 3 views and
    /// "lone-b" with 5 on 2026-03-03 (12:00 UTC): neither is a version of the other's story.
    /// </summary>
    public async Task LoneArticlesAsync()
    {
        var updated = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await engine.Client.InsertBinaryAsync(
            "articles",
            ["article_id", "url", "language", "title_ar", "title_en", "title_fr", "topic", "member_states", "translation_group", "published_at", "updated_at"],
            [
                ["lone-a", "https://icesco.org/en/lone-a", "en", "", "Lone A", "", "culture", Array.Empty<string>(), "", updated, updated],
                ["lone-b", "https://icesco.org/en/lone-b", "en", "", "Lone B", "", "culture", Array.Empty<string>(), "", updated, updated],
            ],
            QueryPurpose.Insert("test-articles", database));
        var day = new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        await StoryViewsAsync(day, "lone-a", "en", "MA", "", 3);
        await StoryViewsAsync(day, "lone-b", "en", "EG", "", 5);
    }

    private async Task StoryViewsAsync(DateTime at, string article, string language, string country, string referrer, int count) =>
        await engine.Client.InsertBinaryAsync(
            "page_views",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"],
            Enumerable.Range(0, count).Select(_ => new object[]
            {
                Guid.NewGuid(), at, at, "icesco.org", article, $"https://icesco.org/{language}/kazan", $"/{language}/kazan",
                "culture", new[] { "MA", "SN" }, ++visitor, country, language, "desktop", referrer,
            }).ToList(),
            QueryPurpose.Insert("test-raw-events", database));
}
