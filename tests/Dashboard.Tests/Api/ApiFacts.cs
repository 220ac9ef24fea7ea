using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Dashboard.Tests.Api;

/// <summary>Trends, reports and panels over rows the test inserts itself into a database of its own.</summary>
[Collection(EngineCollection.Name)]
public sealed class ApiFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private DashboardApp app = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Fact]
    public async Task An_unknown_dimension_is_answered_400_naming_the_parameter_and_the_rule()
    {
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
        var response = await staff.GetAsync("/api/v1/trends?dimension=password&periods=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("one-of:", errors.GetProperty("dimension")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("range:", errors.GetProperty("periods")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_come_as_json_and_as_csv_with_formula_cells_defused_for_the_latest_periods_only()
    {
        foreach (var (week, value, views) in new[] { ("2026-02-23", "culture", 5), ("2026-03-02", "culture", 7), ("2026-03-02", "=cmd|'/C calc'!A0", 3) })
        {
            await engine.Client.ExecuteNonQueryAsync(
                $"INSERT INTO {database}.trends (period_kind, period_start, dimension, dimension_value, views, anomaly, computed_at) VALUES ('week', '{week}', 'topic', '{value.Replace("'", "\\'", StringComparison.Ordinal)}', {views}, 'none', now64(3))");
        }
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));

        var rows = await (await staff.GetAsync("/api/v1/trends?dimension=topic&kind=week&periods=1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("culture", 7), ("=cmd|'/C calc'!A0", 3)], rows.EnumerateArray().Select(r => (r.GetProperty("value").GetString(), r.GetProperty("views").GetInt32())));

        var csv = await staff.GetAsync("/api/v1/trends.csv?dimension=topic&kind=week&periods=8");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("week,2026-03-02,topic,'=cmd|'/C calc'!A0,3,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_in_progress_is_marked_as_such_in_json_and_csv_and_a_whole_one_is_not()
    {
        foreach (var (week, anomaly) in new[] { ("2026-02-23", "drop"), ("2026-03-02", "in-progress") })
        {
            await engine.Client.ExecuteNonQueryAsync(
                $"INSERT INTO {database}.trends (period_kind, period_start, dimension, dimension_value, views, views_change, anomaly, computed_at) VALUES ('week', '{week}', 'topic', 'science', 10, 0.25, '{anomaly}', now64(3))");
        }
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));

        var rows = await (await staff.GetAsync("/api/v1/trends?dimension=topic&kind=week&periods=2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("2026-02-23", false), ("2026-03-02", true)], rows.EnumerateArray().Select(r => (r.GetProperty("periodStart").GetString(), r.GetProperty("inProgress").GetBoolean())));

        var lines = (await (await staff.GetAsync("/api/v1/trends.csv?dimension=topic&kind=week&periods=2")).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "in_progress");
        Assert.True(column > 0, "the CSV has an in_progress column");
        Assert.Equal(["false", "true"], lines.Skip(1).Select(l => l.Split(',')[column]));
    }

    [Fact]
    public async Task Reports_are_listed_and_served_byte_for_byte_pdf_as_an_attachment()
    {
        var pdf = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0xFF, 0x00, 0xE2, 0x80 }; // not valid UTF-8 on purpose
        await InsertReportAsync("2026-W09", "2026-02-23", "ar", "pdf", pdf, 3);
        await InsertReportAsync("2026-W09", "2026-02-23", "en", "html", Encoding.UTF8.GetBytes("<html lang=\"en\"><p>Week 9</p></html>"), 0);
        var manager = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Manager));

        var list = await (await manager.GetAsync("/api/v1/reports")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([("2026-W09", "ar", "pdf", 9, 3), ("2026-W09", "en", "html", 36, 0)], list.EnumerateArray().Select(r =>
            (r.GetProperty("week").GetString(), r.GetProperty("language").GetString(), r.GetProperty("format").GetString(), r.GetProperty("sizeBytes").GetInt32(), r.GetProperty("pages").GetInt32())));

        var file = await manager.GetAsync("/api/v1/reports/2026-W09/ar.pdf");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());

        var html = await manager.GetAsync("/api/v1/reports/2026-W09/en.html");
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/reports/2026-W10/en.pdf")).StatusCode);
        var bad = await manager.GetAsync("/api/v1/reports/2026-W09/de.docx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task The_panels_of_a_board_come_with_their_titles_in_three_languages_and_an_unknown_board_is_404()
    {
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
        var board = await (await staff.GetAsync("/api/v1/panels/weekly")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("weekly", board.GetProperty("board").GetString());
        var panel = board.GetProperty("panels")[0];
        Assert.False(string.IsNullOrEmpty(panel.GetProperty("title").GetProperty("ar").GetString()));
        Assert.False(panel.TryGetProperty("query", out _)); // SQL stays on the server
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/panels/nope")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_described_in_the_openapi_document()
    {
        var staff = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
        var document = await (await staff.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/trends.csv", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/reports/{week}/{file}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/panels/{board}", document, StringComparison.Ordinal);
    }

    private async Task InsertReportAsync(string week, string weekStart, string language, string format, byte[] content, int pages) =>
        await engine.Client.InsertBinaryAsync("reports",
            ["week", "week_start", "language", "format", "content", "size_bytes", "sha256", "pages", "generated_at", "render_ms"],
            [new object[] { week, DateOnly.Parse(weekStart, System.Globalization.CultureInfo.InvariantCulture), language, format, content, (ulong)content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), (ushort)pages, DateTime.UtcNow, 10u }],
            QueryPurpose.Insert("test-reports", database));
}
