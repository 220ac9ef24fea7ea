using System.Net.Http.Json;
using System.Text.Json;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Explore;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary>
/// The daily rollups of migrations 0012–0015 answer exactly what the hourly rollups answer: the same overview or article page asked of a
/// Dashboard that may read them and of one that may not (its ClickHouse:RollupTimeZone differs from Trends:TimeZone).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExploreSourcesFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";

    private DashboardApp daily = null!;
    private DashboardApp hourly = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(engine);
        daily = new DashboardApp(engine, database);
        hourly = new DashboardApp(engine, database, new Dictionary<string, string?> { ["ClickHouse:RollupTimeZone"] = "UTC" });
        var events = new RawEvents(engine, database);
        await events.ExploreWeekAsync();
        await events.ExploreStoryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        daily?.Dispose();
        hourly?.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("&topic=culture")]
    [InlineData("&member_state=MA")]
    [InlineData("&country=MA")]
    [InlineData("&member_state=MA&country=MA")]
    [InlineData("&member_state=MA&language=fr")]
    [InlineData("&member_state=SN&country=SN&topic=culture")]
    [InlineData("&member_state=MA&country=MA&device=desktop")] // no daily rollup holds these three: hourly
    [InlineData("&source=google&country=MA")]
    [InlineData("&member_state=MA&topic=culture")] // explore_state_topic_1d against _1h
    public async Task Daily_and_hourly_rollups_give_the_same_overview(string filters)
    {
        var fromDaily = await OverviewAsync(daily, filters);
        var fromHourly = await OverviewAsync(hourly, filters);
        Assert.Equal(fromHourly, fromDaily);
        Assert.Contains("\"views\":", fromDaily, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period=custom&from=2026-03-02&to=2026-03-08")] // whole days: article_audience_1d (migration 0014)
    [InlineData("period=custom&from=2026-02-23&to=2026-03-08")] // two weeks, with the view of 24 February in the first
    [InlineData("period=custom&from=2026-03-04&to=2026-03-04")] // one day: an hourly series from article_audience_1h
    public async Task Daily_and_hourly_rollups_give_the_same_article_page(string period)
    {
        async Task<string> Answer(DashboardApp app)
        {
            var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
            var response = await staff.GetAsync($"/api/v1/explore/article?id=kazan-fr&{period}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return JsonSerializer.Serialize(report);
        }
        var fromDaily = await Answer(daily);
        Assert.Equal(await Answer(hourly), fromDaily);
        Assert.Contains("\"views\":", fromDaily, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("member_state=MA", 5)]
    [InlineData("member_state=SN&country=SN", 0)]
    [InlineData("member_state=MA&topic=culture", 5)] // breakdowns by the other dimensions: explore_state_topic_facets_1d (0016) and explore_1h
    public async Task A_period_under_way_reads_its_whole_days_daily_and_the_day_so_far_hourly(string filters, int ratings)
    {
        // This month at 14:30 UTC on the 4th: the 1st to the 3rd from the daily rollups, the 4th until 15:00 from explore_1h.
        var (period, _) = ExplorePeriod.Resolve("this_month", null, null, new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        Assert.True(period!.InProgress);
        var (parsed, _) = ExploreFilters.Parse(name => System.Web.HttpUtility.ParseQueryString(filters)[name]);

        async Task<string> Answer(DashboardApp app) => JsonSerializer.Serialize(
            await app.Services.GetRequiredService<ExploreQuery>().OverviewAsync(period, parsed!, 10, CancellationToken.None));
        var fromDaily = await Answer(daily);
        Assert.Equal(await Answer(hourly), fromDaily);
        Assert.Contains($"\"Ratings\":{ratings},", fromDaily, StringComparison.Ordinal); // the 4th's ratings, from the hours so far
    }

    [Theory]
    [InlineData("", "custom")]
    [InlineData("", "this_month")]
    [InlineData("member_state=MA&topic=culture", "custom")]
    [InlineData("member_state=MA&topic=culture", "this_month")]
    public async Task Breakdowns_read_in_one_scan_equal_each_breakdown_asked_alone(string filters, string preset)
    {
        // this_month at 14:30 UTC on the 4th: whole days from the daily rollups, the 4th's hours from the hourly ones.
        var now = new DateTimeOffset(2026, 3, preset == "custom" ? 10 : 4, 14, 30, 0, TimeSpan.Zero);
        var (period, _) = ExplorePeriod.Resolve(preset, "2026-03-02", "2026-03-08", now, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        var (parsed, _) = ExploreFilters.Parse(name => System.Web.HttpUtility.ParseQueryString(filters)[name]);
        var sources = daily.Services.GetRequiredService<ExploreSources>();
        var batched = ExploreFilters.Dimensions.Where(d => sources.FacetSource(period!, parsed!, d) is not null).ToList();
        Assert.True(batched.Count >= 4, string.Join(", ", batched)); // the six of the site, or the four under member state × topic

        var query = daily.Services.GetRequiredService<ExploreQuery>();
        var together = await query.BreakdownsAsync(period!, parsed!, batched, 10, CancellationToken.None);
        foreach (var dimension in batched)
        {
            var alone = await query.BreakdownAsync(period!, parsed!, dimension, 10, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(together[dimension]));
        }
        Assert.Contains(together.Values, rows => rows.Count > 0);
        var overview = await query.OverviewAsync(period!, parsed!, 10, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(together["country"]), JsonSerializer.Serialize(overview.Breakdowns["country"]));
    }

    [Fact]
    public void Each_question_reads_the_smallest_rollup_that_holds_its_filters_and_breakdown()
    {
        var sources = daily.Services.GetRequiredService<ExploreSources>();
        Assert.True(sources.DailyUsable);
        Assert.False(hourly.Services.GetRequiredService<ExploreSources>().DailyUsable);
        var (period, _) = ExplorePeriod.Resolve("custom", "2026-03-02", "2026-03-08", new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        static ExploreFilters Filters(params (string, string)[] values) => new(values.ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal));

        // At most one dimension, or member state with topic: a sketch rollup (migration 0015).
        Assert.Equal("explore_facets_1d", sources.TableFor(period!, ExploreFilters.None, null));
        Assert.Equal("explore_facets_1d", sources.TableFor(period!, Filters(("topic", "culture")), null));
        Assert.Equal("explore_facets_1d", sources.TableFor(period!, ExploreFilters.None, "country"));
        Assert.Equal("explore_state_topic_1d", sources.TableFor(period!, Filters(("member_state", "MA"), ("topic", "culture")), null));
        Assert.Equal("explore_state_topic_1d", sources.TableFor(period!, Filters(("member_state", "MA")), "topic"));
        Assert.Equal("uniqCombinedMergeIf(14)", sources.MergeVisitorsIf(period!, Filters(("member_state", "MA"), ("topic", "culture")), null));
        // Two dimensions besides those: the smallest daily rollup of migration 0012 holding them.
        Assert.Equal("explore_1d", sources.TableFor(period!, Filters(("language", "fr")), "source"));
        Assert.Equal("explore_country_1d", sources.TableFor(period!, Filters(("topic", "culture")), "country"));
        Assert.Equal("explore_states_1d", sources.TableFor(period!, Filters(("member_state", "MA")), "device"));
        Assert.Equal("explore_state_country_1d", sources.TableFor(period!, Filters(("member_state", "MA"), ("country", "MA")), "topic"));
        // Member state and topic filtered, broken down by one more dimension: migration 0016's table (no visitor sets).
        Assert.Equal("explore_state_topic_facets_1d", sources.TableFor(period!, Filters(("member_state", "MA"), ("topic", "culture")), "country"));
        Assert.Equal("explore_state_topic_facets_1d", sources.TableFor(period!, Filters(("member_state", "MA"), ("topic", "culture")), "device"));
        Assert.Equal("uniqMergeIf", sources.MergeVisitorsIf(period!, Filters(("member_state", "MA"), ("country", "MA")), null));
        Assert.Equal("explore_1h", sources.TableFor(period!, Filters(("member_state", "MA"), ("country", "MA")), "device"));
        var (yesterday, _) = ExplorePeriod.Resolve("yesterday", null, null, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        Assert.Equal("explore_facets_1h", sources.TableFor(yesterday!, ExploreFilters.None, "topic")); // an hourly series
        Assert.Equal("explore_1h", sources.TableFor(yesterday!, Filters(("language", "fr")), "topic"));
    }

    /// <summary>The overview's answer without the period's echo (the same in both), as JSON text to compare whole.</summary>
    private static async Task<string> OverviewAsync(DashboardApp app, string filters)
    {
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
        var response = await staff.GetAsync($"/api/v1/explore/overview?{Week}{filters}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var overview = await response.Content.ReadFromJsonAsync<JsonElement>();
        return JsonSerializer.Serialize(new { totals = overview.GetProperty("totals"), series = overview.GetProperty("series"), breakdowns = overview.GetProperty("breakdowns") });
    }
}
