using ClickHouse.Driver;
using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Tests.Mail;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Tests.Trends;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>
/// The weekly report over the seeded 9-week history (<see cref="TrendsSeed"/>): week 9 is 2026-W10, with
/// 300 views of "science" against about 100 before, and a hostile, unhappy comment added here.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class WeeklyReportFacts(EngineFixture engine) : IDisposable
{
    private static readonly IsoWeek Week9 = IsoWeek.Containing(TrendsSeed.Week1.AddDays(7 * 8));
    private const string Comment = "<img src=x onerror=alert(1)> the search is broken";
    private readonly string reports = Directory.CreateTempSubdirectory("icesco-reports-").FullName;

    public void Dispose() => Directory.Delete(reports, recursive: true);

    private async Task<TrendsSeed> SeedAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Reports:Directory"] = reports };
        var seed = await TrendsSeed.CreateAsync(engine, all, s => s.AddReports());
        var at = Week9.Monday.AddDays(3).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        await engine.Client.InsertBinaryAsync("feedback",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host", "rating", "rating_scale", "comment"],
            [[Guid.NewGuid(), at, at, "icesco.org", "science-1", "https://icesco.org/science-1", "/science-1", "science", new[] { "MA" }, 7UL, "MA", "en", "mobile", "", (byte)1, (byte)5, Comment]],
            QueryPurpose.Insert("test-report-comment", seed.Database));
        for (var week = 0; week < 8; week++)
        {
            await seed.Job.ComputeAsync(TrendPeriodKind.Week, TrendsSeed.Week1.AddDays(7 * week), CancellationToken.None);
        }
        return seed;
    }

    [Fact]
    public async Task The_report_renders_in_three_languages_with_the_seeded_figures_and_Arabic_as_words()
    {
        await using var seed = await SeedAsync();
        var job = seed.Services.GetRequiredService<WeeklyReportJob>();

        var files = await job.GenerateAsync(Week9, send: false, CancellationToken.None);

        Assert.Equal(["ar/html", "ar/pdf", "en/html", "en/pdf", "fr/html", "fr/pdf"], files.Select(f => $"{f.Language}/{f.Format}").Order());
        var pdf = files.ToDictionary(f => $"{f.Language}/{f.Format}", f => f.Content);
        var output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-output")).FullName;
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(output, file.FileName), file.Content); // for people to look at
        }

        var english = await PdfText.ExtractAsync(pdf["en/pdf"]);
        Assert.Contains("ICESCO website: weekly report", english, StringComparison.Ordinal);
        Assert.Contains("Week 2026-W10: 2 March 2026 to 8 March 2026", english, StringComparison.Ordinal);
        Assert.Contains("Views by topic over eight weeks", english, StringComparison.Ordinal);
        // Headline: 300 + 10 views; science's 300 against 100 the week before is +200 %.
        Assert.Contains("310", english, StringComparison.Ordinal);
        Assert.Contains("+200%", english, StringComparison.Ordinal);
        Assert.Contains("the search is broken", english, StringComparison.Ordinal);
        Assert.InRange(await PdfText.PagesAsync(pdf["en/pdf"]), 2, 6);

        var arabic = await PdfText.ExtractAsync(pdf["ar/pdf"]);
        foreach (var words in new[] { "موقع الإيسيسكو", "التقرير الأسبوعي", "أرقام الأسبوع", "المشاهدات حسب الموضوع", "المواضيع الأقل رضا" })
        {
            Assert.Contains(words, arabic, StringComparison.Ordinal);
        }
        Assert.Contains("310", arabic, StringComparison.Ordinal);

        var french = await PdfText.ExtractAsync(pdf["fr/pdf"]);
        Assert.Contains("Rapport hebdomadaire", french, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Vues par thème sur huit semaines", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTML_report_is_right_to_left_in_Arabic_and_shows_comments_as_text()
    {
        await using var seed = await SeedAsync();
        var files = await seed.Services.GetRequiredService<WeeklyReportJob>().GenerateAsync(Week9, send: false, CancellationToken.None);

        var arabic = System.Text.Encoding.UTF8.GetString(files.Single(f => f.Language == "ar" && f.Format == "html").Content);
        var english = System.Text.Encoding.UTF8.GetString(files.Single(f => f.Language == "en" && f.Format == "html").Content);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", english, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_run_replaces_the_stored_reports_and_files_instead_of_adding_to_them()
    {
        await using var seed = await SeedAsync();
        var job = seed.Services.GetRequiredService<WeeklyReportJob>();
        var store = seed.Services.GetRequiredService<ReportStore>();

        await job.GenerateAsync(Week9, send: false, CancellationToken.None);
        seed.Clock.Advance(TimeSpan.FromHours(1));
        var second = await job.GenerateAsync(Week9, send: false, CancellationToken.None);

        var listed = await store.ListAsync(CancellationToken.None);
        Assert.Equal(6, listed.Count);
        Assert.All(listed, r => Assert.Equal(second[0].GeneratedAt.UtcDateTime, r.GeneratedAt, TimeSpan.FromMilliseconds(1)));
        await engine.Client.ExecuteNonQueryAsync($"OPTIMIZE TABLE {seed.Database}.reports FINAL");
        Assert.Equal(6UL, Convert.ToUInt64(await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {seed.Database}.reports"), null));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(reports, "2026-W10")).Length);

        var storedPdf = await store.ReadAsync(Week9, "en", "pdf", CancellationToken.None);
        Assert.Equal(second.Single(f => f.Language == "en" && f.Format == "pdf").Content, storedPdf);
        Assert.Equal(storedPdf, await File.ReadAllBytesAsync(Path.Combine(reports, "2026-W10", "icesco-insights-2026-W10-en.pdf")));
    }

    [Fact]
    public async Task A_report_is_e_mailed_once_with_its_three_PDFs_however_often_it_is_rendered()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = smtp.Settings();
        settings["Reports:Recipients:0"] = "director@icesco.test";
        await using var seed = await SeedAsync(settings);
        var job = seed.Services.GetRequiredService<WeeklyReportJob>();

        await job.GenerateAsync(Week9, send: true, CancellationToken.None);
        await job.GenerateAsync(Week9, send: true, CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("director@icesco.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(["icesco-insights-2026-W10-ar.pdf", "icesco-insights-2026-W10-en.pdf", "icesco-insights-2026-W10-fr.pdf"],
            message.Attachments.Select(a => a.ContentDisposition?.FileName).Order());
        Assert.Contains("2026-W10", message.Subject, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task The_report_command_renders_a_week_and_names_a_bad_week()
    {
        await using var seed = await SeedAsync();
        var connection = new[] { $"--ClickHouse:ConnectionString={engine.Server.ConnectionString}", $"--ClickHouse:Database={seed.Database}", $"--Reports:Directory={reports}" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await JobsCommandLine.RunAsync(["report", "--week", "2026-W10", .. connection], output, error, CancellationToken.None);
        var bad = await JobsCommandLine.RunAsync(["report", "--week", "2026-W60", .. connection], output, error, CancellationToken.None);

        Assert.True(exit == ExitCodes.Success, error.ToString());
        Assert.Contains("ar pdf", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports, "2026-W10", "icesco-insights-2026-W10-fr.html")));
        Assert.Equal(ExitCodes.Usage, bad);
        Assert.Contains("--week '2026-W60' is not an ISO week", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_report_runs_on_Mondays_at_7_in_the_headquarters_time_zone_under_its_stable_id()
    {
        await using var factory = new Icesco.Insights.Jobs.Tests.Hosting.JobsHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var report = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == "weekly-report");

        Assert.Equal("0 7 * * 1", report.Cron);
        Assert.Equal("Africa/Casablanca", report.TimeZoneId);
        Assert.Equal(typeof(WeeklyReportJob), report.Job.Type);
    }

    [Fact]
    public async Task A_week_without_events_still_renders_saying_so()
    {
        await using var seed = await SeedAsync();
        var empty = IsoWeek.Containing(new DateOnly(2025, 6, 2));

        var files = await seed.Services.GetRequiredService<WeeklyReportJob>().GenerateAsync(empty, send: false, CancellationToken.None);

        var text = await PdfText.ExtractAsync(files.Single(f => f.Language == "en" && f.Format == "pdf").Content);
        Assert.Contains("No data for this week.", text, StringComparison.Ordinal);
    }
}
