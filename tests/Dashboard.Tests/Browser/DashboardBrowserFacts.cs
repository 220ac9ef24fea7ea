using System.Globalization;
using System.Text;
using Icesco.Insights.Collector.Tests.Browser;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Icesco.Insights.Dashboard.Tests.Pages;

/// <summary>
/// The pages in Debian's chromium: sign-in, live figures pushed over SignalR as the Collector receives events,
/// Arabic right to left, reports, and readers' comments shown as text. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DashboardBrowserFacts(EngineFixture engine, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Pushed = new() { Timeout = 15_000 };
    private LiveDashboard site = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public Task InitializeAsync()
    {
        site = LiveDashboard.Start(engine);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Staff_signs_in_and_sees_the_live_view_count_rise_as_events_arrive()
    {
        var page = await NewPageAsync("en-GB");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff));
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", Pushed);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-ready", "true", Pushed);
        await Expect(page.Locator("#views-last-hour")).ToHaveAttributeAsync("data-value", "0");

        var url = await site.Collector.PutArticleAsync("rabat-forum", "education", "MA", "SN");
        for (var i = 0; i < 3; i++)
        {
            await site.Collector.PostViewAsync(url);
        }

        await Expect(page.Locator("#views-last-hour")).ToHaveAttributeAsync("data-value", "3", Pushed);
        await Expect(page.Locator("#views-last-hour")).ToHaveTextAsync("3");
        await Expect(page.Locator("#top-articles li[data-article='rabat-forum'] .title")).ToHaveTextAsync("Title of rabat-forum");
        // A top article opens its story's Explore page.
        await Expect(page.Locator("#top-articles li[data-article='rabat-forum'] a.title")).ToHaveAttributeAsync("href", "/explore/article?id=rabat-forum&period=7d");
        await Expect(page.Locator("#topic-sparklines li[data-topic='education'] .figure")).ToHaveAttributeAsync("data-value", "3");
        await Expect(page.Locator("#member-state-list li[data-member-state='MA'] .name")).ToHaveTextAsync("Morocco");

        await site.Collector.PostViewAsync(url);
        await Expect(page.Locator("#views-last-hour")).ToHaveAttributeAsync("data-value", "4", Pushed);
    }

    [Fact]
    public async Task The_live_page_in_English_and_Arabic_is_captured_for_people_to_look_at()
    {
        await FeedAsync();
        var page = await NewPageAsync("en-GB");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Admin));
        await Expect(page.Locator("#views-last-hour")).ToHaveAttributeAsync("data-value", "9", Pushed);
        await PostRatingsAsync();
        await Expect(page.Locator("#ratings-feed li.rating")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await Expect(page.Locator("#csat-detail")).Not.ToHaveAttributeAsync("data-value", "", Pushed);
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-live-en.png"), FullPage = true });

        await page.Locator(".language-switch a[lang=ar]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#views-last-hour")).ToHaveAttributeAsync("data-value", "9", Pushed);
        await PostRatingsAsync();
        await Expect(page.Locator("#ratings-feed li.rating")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-live-ar.png"), FullPage = true });
    }

    [Fact]
    public async Task Arabic_turns_the_whole_page_right_to_left_with_arabic_labels_and_is_remembered()
    {
        var page = await NewPageAsync("en-GB");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live engagement");

        await page.Locator(".language-switch a[lang=ar]").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("التفاعل المباشر");
        await Expect(page.Locator(".main-nav a").First).ToHaveTextAsync("مباشر");
        await Expect(page.Locator("form.sign-out button")).ToHaveTextAsync("تسجيل الخروج");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("مباشر", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-filter='topic:education']")).ToHaveTextAsync("التربية");
        // The layout mirrors: the brand sits at the right edge, the language switch before the sign-out form.
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        Assert.True(brand!.X > 450, $"the brand should be on the right in Arabic, at x = {brand.X}");

        // The choice is a cookie: another page, without ?lang=, stays in Arabic.
        await page.GotoAsync(site.Url("/trends"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("الاتجاهات خلال ثمانية أسابيع");

        // Signing out is the layout's form (POST with its antiforgery token); the sign-in page stays in Arabic.
        await page.Locator("form.sign-out button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/sign-in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("تسجيل الدخول");
        await Expect(page.Locator("form.sign-out")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-sign-in-ar.png") });
    }

    [Fact]
    public async Task A_manager_opens_a_weekly_report_and_downloads_its_pdf()
    {
        await StoreReportAsync("2026-W09", new DateOnly(2026, 2, 23), "en", "html", "<!doctype html><html lang=\"en\"><body><h1>ICESCO website: weekly report</h1><p>Week 2026-W09</p></body></html>");
        await StoreReportAsync("2026-W09", new DateOnly(2026, 2, 23), "en", "pdf", "%PDF-1.7\n% a stand-in\n%%EOF\n", pages: 6);
        await StoreReportAsync("2026-W09", new DateOnly(2026, 2, 23), "ar", "html", "<!doctype html><html lang=\"ar\" dir=\"rtl\"><body><h1>موقع الإيسيسكو: التقرير الأسبوعي</h1></body></html>");
        var page = await NewPageAsync("en-GB");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Manager), "/reports");

        var row = page.Locator("#reports-table tr[data-week='2026-W09']");
        await Expect(row.Locator(".week-start")).ToHaveTextAsync("from 23 February 2026", new() { Timeout = 15_000 });
        await Expect(row.Locator("a.pdf[data-language=en]")).ToHaveAttributeAsync("href", "/api/v1/reports/2026-W09/en.pdf");
        await Expect(row.Locator("a.pdf[data-language=ar]")).ToHaveCountAsync(0);
        await Expect(row.Locator(".file-detail").First).ToContainTextAsync("6 pages");

        await row.Locator("a.read[data-language=en]").ClickAsync();
        await Expect(page.Locator("#report-viewer")).ToBeVisibleAsync();
        await Expect(page.FrameLocator("#report-frame").Locator("h1")).ToHaveTextAsync("ICESCO website: weekly report");
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-reports-en.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("a.pdf[data-language=en]").ClickAsync());
        Assert.Equal("icesco-insights-2026-W09-en.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF-1.7", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_written_as_markup_appears_as_text_and_runs_nothing()
    {
        const string Comment = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script> too slow";
        var page = await NewPageAsync("en-GB");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff));
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", Pushed);

        var url = await site.Collector.PutArticleAsync("slow-page", "culture", "SN");
        await site.Collector.PostRatingAsync(url, 2, Comment);

        var comment = page.Locator("#ratings-feed li.rating .comment");
        await Expect(comment).ToHaveTextAsync(Comment, new() { Timeout = 15_000 });
        await Expect(page.Locator("#ratings-feed img, #ratings-feed script")).ToHaveCountAsync(0);
        await Expect(page.Locator("#ratings-feed li.rating .answer")).ToHaveTextAsync("Dissatisfied");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Trends_show_eight_weeks_by_the_chosen_dimension_with_anomalies_and_a_csv_link()
    {
        await StoreTrendsAsync();
        var page = await NewPageAsync("fr-FR");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff), "/trends");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr"); // from the browser's Accept-Language

        var rows = page.Locator("#trends-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(rows.First.Locator("th")).ToHaveTextAsync("Éducation");
        await Expect(page.Locator("#trends-table tr[data-value=culture] .badge.anomaly")).ToHaveTextAsync("Pic");
        await Expect(page.Locator("#trends-csv")).ToHaveAttributeAsync("href", "/api/v1/trends.csv?dimension=topic&kind=week&periods=8");
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-trends-fr.png"), FullPage = true });

        await page.Locator("[data-dimension=member_state]").ClickAsync();
        await Expect(page.Locator("#trends-csv")).ToHaveAttributeAsync("href", "/api/v1/trends.csv?dimension=member_state&kind=week&periods=8");
        await Expect(page.Locator("#trends-message")).ToHaveTextAsync("Pas encore de tendances : les Jobs les calculent chaque heure.");

        await page.GotoAsync(site.Url("/trends?dimension=topic&lang=ar"));
        await Expect(page.Locator("#trends-table tbody tr").First.Locator("th")).ToHaveTextAsync("التربية", new() { Timeout = 15_000 });
        await Expect(page.Locator("#trends-table tr[data-value=culture] .badge.anomaly")).ToHaveTextAsync("ارتفاع حاد");
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-trends-ar.png"), FullPage = true });
    }

    private async Task<IPage> NewPageAsync(string locale)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    // Views across topics and member states, so the screenshots show a working day's live page.
    private async Task FeedAsync()
    {
        var articles = new (string Id, string Topic, string[] States, int Views)[]
        {
            ("arabic-week", "education", ["MA", "SA"], 3),
            ("heritage-list", "culture", ["EG"], 2),
            ("ai-summit", "science_technology", ["ID", "NG", "SN"], 3),
            ("youth-forum", "social_human_sciences", ["PK"], 1),
        };
        foreach (var (id, topic, states, views) in articles)
        {
            var url = await site.Collector.PutArticleAsync(id, topic, states);
            for (var i = 0; i < views; i++)
            {
                await site.Collector.PostViewAsync(url);
            }
        }
    }

    private async Task PostRatingsAsync()
    {
        var url = await site.Collector.PutArticleAsync("heritage-list", "culture", "EG");
        await site.Collector.PostRatingAsync(url, 5, "Very useful, thank you.");
        await site.Collector.PostRatingAsync(url, 4, "مقال مفيد جدًا، شكرًا");
        await site.Collector.PostRatingAsync(url, 1, "La page est trop lente à charger.");
    }

    private async Task StoreReportAsync(string week, DateOnly start, string language, string format, string content, ushort pages = 0)
    {
        var bytes = Encoding.UTF8.GetByteCount(content);
        await engine.Client.InsertBinaryAsync(
            $"{site.Collector.Database}.reports",
            ["week", "week_start", "language", "format", "content", "size_bytes", "sha256", "pages", "generated_at", "render_ms"],
            [new object[] { week, start, language, format, content, (ulong)bytes, "", pages, new DateTime(2026, 3, 2, 7, 0, 5, DateTimeKind.Utc), 480u }]);
    }

    [Theory]
    [InlineData("en-GB", "in progress", "(in progress)")]
    [InlineData("fr-FR", "en cours", "(en cours)")]
    [InlineData("ar", "جارٍ", "(جارٍ)")]
    public async Task A_week_still_under_way_is_marked_in_progress_with_no_anomaly_verdict(string locale, string badge, string heading)
    {
        await StoreTrendsAsync(lastWeekInProgress: true);
        var page = await NewPageAsync(locale);
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff), "/trends");

        await Expect(page.Locator("#trends-table tbody tr")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(page.Locator("#trends-table tr[data-value=culture] .badge.in-progress")).ToHaveTextAsync(badge);
        await Expect(page.Locator("#trends-table .badge.anomaly")).ToHaveCountAsync(0);
        await Expect(page.Locator("#trends-week")).ToContainTextAsync(heading);
        await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-trends-in-progress-{locale[..2]}.png"), FullPage = true });
    }

    // Eight weeks of two topics, as the Trends job writes them; culture spikes in the last week,
    // or, with lastWeekInProgress, the last week has not ended and carries no verdict.
    private async Task StoreTrendsAsync(bool lastWeekInProgress = false)
    {
        var monday = new DateOnly(2026, 1, 5);
        var rows = new List<object[]>();
        for (var week = 0; week < 8; week++)
        {
            var start = monday.AddDays(7 * week);
            var last = week == 7;
            rows.Add(Row(start, "education", 1000 + (100 * week), 0.7 + (0.01 * week), last && lastWeekInProgress ? "in-progress" : "none"));
            rows.Add(Row(start, "culture", last ? 1400 : 400, 0.6, !last ? "none" : lastWeekInProgress ? "in-progress" : "spike"));
        }
        await engine.Client.InsertBinaryAsync(
            $"{site.Collector.Database}.trends",
            ["period_kind", "period_start", "dimension", "dimension_value", "views", "unique_visitors", "ratings", "csat", "csat_low", "csat_high", "anomaly", "small_sample", "computed_at"],
            rows);

        static object[] Row(DateOnly start, string topic, int views, double csat, string anomaly) =>
            ["week", start, "topic", topic, (ulong)views, (ulong)(views * 0.7), 80ul, csat, csat - 0.1, csat + 0.08, anomaly, false, DateTime.UtcNow];
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Path.Combine(ScreenshotDirectory, name);
    }
}
