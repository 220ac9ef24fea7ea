using System.Net.Http.Json;
using System.Text.Json;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary>
/// The word search read from <c>feedback_search</c> (migration 0017, word suffixes) answers exactly what
/// <c>position</c> over <c>feedback_explorer</c> answers: the same request asked of a Dashboard with
/// <c>Dashboard:FeedbackSearch:UseIndex</c> on and of one with it off, over comments in the three languages written with
/// and without diacritics, clitics, accents and tatweel.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class FeedbackSearchIndexFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";

    private static readonly string[] Comments =
    [
        "مقالٌ رائعٌ عن التَّعليمِ في قازانَ",
        "والتعليم أساس التنمية",
        "بالتعليمية نرتقي، والتعليم حق",
        "التـــعليم مع تطويل",
        "إلى الأمام يا إيسيسكو",
        "الى الامام",
        "مدرسة جميلة",
        "مدرسه جميله",
        "École et éducation pour tous",
        "l'école mérite mieux",
        "Great coverage of the forum",
        "education matters; EDUCATION!",
        "internationalisation of culture",
        "a b c",
        "",
        "",
    ];

    private static readonly string[] Topics = ["culture", "science", "education"];
    private static readonly string[] Countries = ["EG", "MA", "SN", ""];

    private DashboardApp index = null!;
    private DashboardApp scan = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(engine);
        index = new DashboardApp(engine, database);
        scan = new DashboardApp(engine, database, new Dictionary<string, string?> { ["Dashboard:FeedbackSearch:UseIndex"] = "false" });
        var first = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        // Three answers per comment, on different days, topics, countries and ratings; each two share one millisecond.
        var rows = Enumerable.Range(0, Comments.Length * 3).Select(i =>
        {
            var language = new[] { "ar", "en", "fr" }[i % 3];
            var at = first.AddHours(i / 2 * 6);
            return new object[]
            {
                Guid.NewGuid(), at, at, "icesco.org", $"story-{i % 5}", $"https://icesco.org/{language}/s{i % 5}", $"/{language}/s{i % 5}",
                Topics[i % 3], i % 2 == 0 ? new[] { "MA" } : new[] { "SN", "EG" }, (ulong)i, Countries[i % 4], language, "mobile", "",
                (byte)(i % 5 + 1), (byte)5, Comments[i % Comments.Length],
            };
        }).ToList();
        await engine.Client.InsertBinaryAsync(
            "feedback",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host", "rating", "rating_scale", "comment"],
            rows,
            QueryPurpose.Insert("test-raw-events", database));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        index?.Dispose();
        scan?.Dispose();
    }

    [Theory]
    [InlineData("التعليم", 12)] // typed without the diacritics, tatweel or the clitics و ب of the stored words
    [InlineData("تعليم", 12)]
    [InlineData("عليم", 12)] // the middle of a word
    [InlineData("التعليم أساس", 3)] // every word
    [InlineData("الى الامام", 6)] // alef forms
    [InlineData("إلى", 6)]
    [InlineData("مدرسة", 6)] // taa marbuta / haa
    [InlineData("ecole", 6)] // Latin accents
    [InlineData("École", 6)]
    [InlineData("EDUCATION", 6)]
    [InlineData("education!", 3)]
    [InlineData("internationalisation", 3)] // longer than the index keeps: position() in both
    [InlineData("َ", 42)] // a mark alone narrows nothing (a search shows only answers with a comment)
    [InlineData("o", 15)]
    [InlineData("zzz", 0)]
    public async Task The_suffix_index_finds_what_position_finds(string q, int expected)
    {
        var words = $"{Week}&q={Uri.EscapeDataString(q)}";
        Assert.Equal(expected, (await PageAsync(index, words)).GetProperty("total").GetInt64());
        foreach (var filter in new[] { "", "&rating=5", "&topic=science", "&country=EG", "&member_state=MA", "&comments=with", "&review=unreviewed", "&article=story-2" })
        {
            var request = words + filter;
            Assert.Equal(await AllPagesAsync(scan, request), await AllPagesAsync(index, request));
            Assert.Equal(await CsvAsync(scan, request), await CsvAsync(index, request));
        }
    }

    [Fact]
    public async Task The_index_is_what_answers_a_search()
    {
        // A comment written into feedback_explorer alone (no raw event, so no suffix rows): only the scan finds it.
        var at = new DateTime(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc);
        await engine.Client.InsertBinaryAsync(
            "feedback_explorer",
            ["event_id", "event_time", "site", "article_id", "topic", "member_states", "country", "language", "device", "source", "rating", "rating_scale", "comment", "search"],
            [[Guid.NewGuid(), at, "icesco.org", "story-9", "culture", new[] { "MA" }, "MA", "en", "mobile", "direct", (byte)3, (byte)5, "onlyhere", "onlyhere"]],
            QueryPurpose.Insert("test-explorer-row", database));
        Assert.Equal(1, (await PageAsync(scan, $"{Week}&q=onlyhere")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await PageAsync(index, $"{Week}&q=onlyhere")).GetProperty("total").GetInt64());
    }

    /// <summary>Every page of the request, three answers at a time, following the cursors; the totals and items as JSON.</summary>
    private static async Task<string> AllPagesAsync(DashboardApp app, string request)
    {
        var pages = new List<string>();
        var next = "";
        do
        {
            var page = await PageAsync(app, $"{request}&limit=3{(next.Length > 0 ? "&before=" + next : "")}");
            pages.Add(JsonSerializer.Serialize(new { total = page.GetProperty("total"), items = page.GetProperty("items") }));
            next = page.GetProperty("next").GetString() ?? "";
            Assert.True(pages.Count < 50, $"{request}: more pages than answers");
        }
        while (next.Length > 0);
        return string.Join("\n", pages);
    }

    private static async Task<JsonElement> PageAsync(DashboardApp app, string request)
    {
        var response = await (await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff))).GetAsync($"/api/v1/explore/feedback?{request}");
        Assert.True(response.IsSuccessStatusCode, $"{request}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> CsvAsync(DashboardApp app, string request)
    {
        var response = await (await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff))).GetAsync($"/api/v1/explore/feedback.csv?{request}");
        Assert.True(response.IsSuccessStatusCode, $"{request}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
