using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary><c>/api/v1/explore/article</c> and <c>/articles</c> over the Kazan story of <see cref="RawEvents.ExploreStoryAsync"/>.</summary>
[Collection(EngineCollection.Name)]
public sealed class ArticleApiFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";

    private DashboardApp app = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database);
        await new RawEvents(engine, database).ExploreStoryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Theory]
    [InlineData("kazan-ar")]
    [InlineData("kazan-fr")]
    public async Task Any_version_gives_the_whole_story_with_each_version_beside_the_others(string id)
    {
        var report = await GetJsonAsync($"/api/v1/explore/article?id={id}&{Week}");

        Assert.Equal("kazan-forum", report.GetProperty("translationGroup").GetString());
        Assert.Equal("culture", report.GetProperty("topic").GetString());
        Assert.Equal(["MA", "SN"], report.GetProperty("memberStates").EnumerateArray().Select(s => s.GetString()));
        var versions = report.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([("kazan-ar", "ar", 4L, 1L), ("kazan-en", "en", 2L, 2L), ("kazan-fr", "fr", 1L, 2L)], versions.Select(v =>
            (v.GetProperty("id").GetString(), v.GetProperty("language").GetString(), v.GetProperty("current").GetProperty("views").GetInt64(), v.GetProperty("current").GetProperty("ratings").GetInt64())));
        Assert.Equal(1, versions[1].GetProperty("previous").GetProperty("views").GetInt64());
        Assert.Equal(RawEvents.Kazan[0].Title, versions[0].GetProperty("titles").GetProperty("ar").GetString());

        var totals = report.GetProperty("totals");
        var current = totals.GetProperty("current");
        Assert.Equal((7L, 7L, 5L, 2L), (current.GetProperty("views").GetInt64(), current.GetProperty("visitors").GetInt64(), current.GetProperty("ratings").GetInt64(), current.GetProperty("satisfied").GetInt64()));
        Assert.Equal(0.4, current.GetProperty("csat").GetDouble(), 6);
        Assert.True(current.GetProperty("csatLow").GetDouble() < 0.4 && current.GetProperty("csatHigh").GetDouble() > 0.4);
        Assert.Equal(6.0, totals.GetProperty("viewsChange").GetDouble(), 6);

        Assert.Equal([(5, 1, 1L), (5, 2, 1L), (5, 3, 1L), (5, 4, 1L), (5, 5, 1L)], report.GetProperty("ratings").EnumerateArray()
            .Select(r => (r.GetProperty("scale").GetInt32(), r.GetProperty("rating").GetInt32(), r.GetProperty("count").GetInt64())));
        Assert.Equal([("EG", 4L), ("MA", 2L), ("SN", 1L)], Audience(report.GetProperty("countries")));
        Assert.Equal([("direct", 4L), ("google", 2L), ("facebook", 1L)], Audience(report.GetProperty("sources")));

        var series = report.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(7, series.Count);
        var march3 = series[1].GetProperty("views");
        Assert.Equal((4L, 2L, 1L), (march3.GetProperty("kazan-ar").GetInt64(), march3.GetProperty("kazan-en").GetInt64(), march3.GetProperty("kazan-fr").GetInt64()));
        Assert.Equal(0, series[0].GetProperty("views").GetProperty("kazan-ar").GetInt64());
    }

    [Theory]
    [InlineData("قازان")]
    [InlineData("kazan FORUM")]
    [InlineData("participe")]
    [InlineData("الايسيسكو")] // typed without the hamza of الإيسيسكو
    public async Task A_story_is_found_by_its_title_in_any_language(string q)
    {
        var found = await GetJsonAsync($"/api/v1/explore/articles?q={Uri.EscapeDataString(q)}");
        var match = Assert.Single(found.EnumerateArray());
        Assert.Equal(("kazan-forum", "kazan-ar"), (match.GetProperty("translationGroup").GetString(), match.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_title_search_without_a_match_is_empty()
    {
        Assert.Equal(0, (await GetJsonAsync("/api/v1/explore/articles?q=kazan+tokyo")).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/explore/article?period=7d", "id", "required:")]
    [InlineData("/api/v1/explore/article?id=kazan-ar&period=forever", "period", "one-of:")]
    [InlineData("/api/v1/explore/articles?q=", "q", "range:")]
    public async Task A_wrong_parameter_is_a_400_naming_it(string path, string field, string rule)
    {
        var response = await (await Staff()).GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith(rule, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_and_the_routes_need_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await (await Staff()).GetAsync($"/api/v1/explore/article?id=no-such-story&{Week}")).StatusCode);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/explore/article?id=kazan-ar&{Week}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/explore/articles?q=kazan")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/explore/article?id=kazan-ar")).StatusCode);
        var document = await (await (await Staff()).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/explore/article\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/explore/articles\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_without_a_translation_group_are_each_a_story_of_their_own()
    {
        await new RawEvents(engine, database).LoneArticlesAsync();

        var report = await GetJsonAsync($"/api/v1/explore/article?id=lone-a&{Week}");
        var version = Assert.Single(report.GetProperty("versions").EnumerateArray());
        Assert.Equal("lone-a", version.GetProperty("id").GetString());
        Assert.Equal(3, report.GetProperty("totals").GetProperty("current").GetProperty("views").GetInt64());
        Assert.Equal([("MA", 3L)], Audience(report.GetProperty("countries")));
        // An unknown id has no group either: it must not take the ungrouped articles for its versions.
        Assert.Equal(HttpStatusCode.NotFound, (await (await Staff()).GetAsync($"/api/v1/explore/article?id=no-such-story&{Week}")).StatusCode);
    }

    private static List<(string?, long)> Audience(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => (r.GetProperty("value").GetString(), r.GetProperty("views").GetInt64()))];

    private Task<Browser> Staff() => Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await (await Staff()).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
