using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary>
/// <c>/api/v1/explore</c> over the raw events of <see cref="RawEvents.ExploreWeekAsync"/> in a database of its own; the
/// rollup <c>explore_1h</c> is filled by the engine's materialized views, as in production.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExploreApiFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";

    private DashboardApp app = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database);
        await new RawEvents(engine, database).ExploreWeekAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Fact]
    public async Task The_overview_gives_the_period_beside_the_one_before_with_every_breakdown()
    {
        var overview = await GetJsonAsync($"/api/v1/explore/overview?{Week}");

        var period = overview.GetProperty("period");
        Assert.Equal(("custom", "2026-03-02", "2026-03-08", "day"), (period.GetProperty("preset").GetString(), period.GetProperty("firstDay").GetString(), period.GetProperty("lastDay").GetString(), period.GetProperty("bucket").GetString()));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");
        Assert.Equal(new DateTime(2026, 2, 23), TimeZoneInfo.ConvertTime(period.GetProperty("previousStart").GetDateTimeOffset(), zone).DateTime);

        var totals = overview.GetProperty("totals");
        var current = totals.GetProperty("current");
        Assert.Equal((6, 6, 2, 1), (current.GetProperty("views").GetInt64(), current.GetProperty("visitors").GetInt64(), current.GetProperty("ratings").GetInt64(), current.GetProperty("satisfied").GetInt64()));
        Assert.Equal(0.5, current.GetProperty("csat").GetDouble(), 6);
        Assert.True(current.GetProperty("csatLow").GetDouble() < 0.5 && current.GetProperty("csatHigh").GetDouble() > 0.5, "CSAT comes with an interval around it");
        Assert.Equal(1000.0 * 2 / 6, current.GetProperty("ratingsPerThousandViews").GetDouble(), 6);
        Assert.True(current.GetProperty("smallSample").GetBoolean(), "2 ratings are a small sample");
        Assert.Equal(2, totals.GetProperty("previous").GetProperty("views").GetInt64());
        Assert.Equal(2.0, totals.GetProperty("viewsChange").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("ratingsChange").ValueKind);

        var breakdowns = overview.GetProperty("breakdowns");
        Assert.Equal([("culture", 4), ("education", 2)], Rows(breakdowns.GetProperty("topic")));
        Assert.Equal([("MA", 4), ("EG", 2), ("SN", 1)], Rows(breakdowns.GetProperty("member_state")));
        Assert.Equal([("MA", 3), ("EG", 2), ("FR", 1)], Rows(breakdowns.GetProperty("country")));
        Assert.Equal([("fr", 3), ("ar", 2), ("en", 1)], Rows(breakdowns.GetProperty("language")));
        Assert.Equal([("desktop", 3), ("mobile", 3)], Rows(breakdowns.GetProperty("device")));
        Assert.Equal([("google", 3), ("direct", 2), ("=cmd.example", 1)], Rows(breakdowns.GetProperty("source")));

        var culture = breakdowns.GetProperty("topic")[0];
        Assert.Equal(2, culture.GetProperty("previous").GetProperty("views").GetInt64());
        Assert.Equal(1.0, culture.GetProperty("viewsChange").GetDouble(), 6);
        Assert.Equal(2, culture.GetProperty("current").GetProperty("ratings").GetInt64());
    }

    [Fact]
    public async Task Filters_combine_and_narrow_the_totals_and_every_breakdown()
    {
        var overview = await GetJsonAsync($"/api/v1/explore/overview?{Week}&topic=culture&member_state=MA&language=fr");

        Assert.Equal(3, overview.GetProperty("totals").GetProperty("current").GetProperty("views").GetInt64());
        var breakdowns = overview.GetProperty("breakdowns");
        Assert.Equal([("culture", 3)], Rows(breakdowns.GetProperty("topic")));
        Assert.Equal([("MA", 3)], Rows(breakdowns.GetProperty("member_state")));
        Assert.Equal([("MA", 3)], Rows(breakdowns.GetProperty("country")));
        Assert.Equal([("fr", 3)], Rows(breakdowns.GetProperty("language")));
        Assert.Equal([("desktop", 3)], Rows(breakdowns.GetProperty("device")));
        Assert.Equal([("google", 3)], Rows(breakdowns.GetProperty("source")));
        Assert.Equal("MA", overview.GetProperty("filters").GetProperty("member_state").GetString());

        var bySource = await GetJsonAsync($"/api/v1/explore/breakdown?{Week}&dimension=member_state&source=direct");
        Assert.Equal([("EG", 2)], Rows(bySource));
        var byDevice = await GetJsonAsync($"/api/v1/explore/breakdown?{Week}&dimension=topic&device=mobile&rows=1");
        Assert.Equal([("education", 2)], Rows(byDevice));
    }

    [Fact]
    public async Task The_series_has_one_point_per_local_day_zeros_included_beside_the_same_day_of_the_week_before()
    {
        var overview = await GetJsonAsync($"/api/v1/explore/overview?{Week}");
        var series = overview.GetProperty("series").EnumerateArray().ToList();

        Assert.Equal(7, series.Count);
        Assert.Equal([0, 6, 0, 0, 0, 0, 0], series.Select(p => p.GetProperty("views").GetInt64()));
        Assert.Equal([0, 2, 0, 0, 0, 0, 0], series.Select(p => p.GetProperty("previousViews").GetInt64()));

        var csv = await (await Staff()).GetAsync($"/api/v1/explore/series.csv?{Week}");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        Assert.Equal("6", lines[2].Split(',')[2]);
    }

    [Fact]
    public async Task The_breakdown_csv_defuses_formula_cells()
    {
        var staff = await Staff();
        var response = await staff.GetAsync($"/api/v1/explore/breakdown.csv?{Week}&dimension=source");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("source,google,3,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("source,'=cmd.example,1,", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period=forever", "period", "one-of:")]
    [InlineData("period=custom&from=2026-03-08&to=2026-03-02", "to", "order:")]
    [InlineData("period=custom&from=8 March&to=2026-03-02", "from", "format:")]
    [InlineData("member_state=morocco", "member_state", "format:")]
    [InlineData("language=de", "language", "one-of:")]
    [InlineData("rows=0", "rows", "range:")]
    [InlineData("dimension=password", "dimension", "one-of:")]
    public async Task A_wrong_parameter_is_a_400_naming_it_and_its_rule(string query, string field, string rule)
    {
        var staff = await Staff();
        var response = await staff.GetAsync($"/api/v1/explore/breakdown?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith(rule, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_is_for_signed_in_staff_and_is_in_the_api_document()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/explore/overview?{Week}")).StatusCode);

        var document = await (await (await Staff()).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/explore/overview", "/api/v1/explore/breakdown", "/api/v1/explore/breakdown.csv", "/api/v1/explore/series.csv" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }

    private Task<Browser> Staff() => Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await (await Staff()).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(string?, long)> Rows(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => (r.GetProperty("value").GetString(), r.GetProperty("current").GetProperty("views").GetInt64()))];
}
