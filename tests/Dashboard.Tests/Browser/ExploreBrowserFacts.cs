using Icesco.Insights.Collector.Tests.Browser;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Icesco.Insights.Dashboard.Tests.Pages;

/// <summary>
/// The Explore page in Debian's chromium over the week of <see cref="RawEvents.ExploreWeekAsync"/>: figures and
/// breakdowns, rows that filter the whole page, filters that combine and live in the address.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExploreBrowserFacts(EngineFixture engine, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Week = "/explore?period=custom&from=2026-03-02&to=2026-03-08";
    private static readonly LocatorAssertionsToHaveAttributeOptions Drawn = new() { Timeout = 15_000 };
    private LiveDashboard site = null!;

    public async Task InitializeAsync()
    {
        site = LiveDashboard.Start(engine);
        await new RawEvents(engine, site.Collector.Database).ExploreWeekAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Theory]
    [InlineData("en-GB", "ltr", "Explore", "Device")]
    [InlineData("fr-FR", "ltr", "Explorer", "Appareil")]
    [InlineData("ar", "rtl", "استكشاف", "الجهاز")]
    public async Task The_page_shows_the_week_beside_the_week_before_in_each_language(string locale, string direction, string title, string device)
    {
        var page = await NewPageAsync(locale);
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff), "/explore");
        await page.GotoAsync(site.Url(Week));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "6", Drawn);
        await Expect(page.Locator("[data-figure=views] .detail .change")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("200"));
        await Expect(page.Locator("#breakdown-device-title")).ToContainTextAsync(device);
        await Expect(page.Locator("#breakdown-topic tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#breakdown-source tbody tr[data-value=direct] th")).Not.ToHaveTextAsync("direct");
        await Expect(page.Locator("#explore-from")).ToHaveValueAsync("2026-03-02");
        await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-explore-{locale[..2]}.png"), FullPage = true });
    }

    [Fact]
    public async Task Rows_filter_the_whole_page_filters_combine_and_the_address_keeps_them()
    {
        var page = await NewPageAsync("en-GB");
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff), "/explore");
        await page.GotoAsync(site.Url(Week));
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "6", Drawn);

        await page.Locator("#breakdown-topic tbody tr[data-value=culture]").ClickAsync();
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "4", Drawn);
        await Expect(page.Locator("#breakdown-device tbody tr")).ToHaveCountAsync(2);

        await page.Locator("#breakdown-language tbody tr[data-value=fr]").ClickAsync();
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "3", Drawn);
        await Expect(page.Locator("#breakdown-device tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#breakdown-language tbody tr[data-value=fr]")).ToHaveAttributeAsync("aria-selected", "true");
        var query = new Uri(page.Url).Query;
        Assert.Contains("topic=culture", query, StringComparison.Ordinal);
        Assert.Contains("language=fr", query, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "3", Drawn);
        await Expect(page.Locator("#explore-filters .filter-chip")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Screenshot("dashboard-explore-filtered-en.png"), FullPage = true });

        await page.Locator("#explore-filters .filter-chip[data-filter=language]").ClickAsync();
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "4", Drawn);
        await page.GoBackAsync();
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "3", Drawn);

        await page.Locator("[data-preset=yesterday]").ClickAsync();
        await Expect(page.Locator("[data-preset=yesterday]")).ToHaveAttributeAsync("aria-pressed", "true", Drawn);
        Assert.Contains("period=yesterday", new Uri(page.Url).Query, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", new Uri(page.Url).Query, StringComparison.Ordinal);
    }

    private async Task<IPage> NewPageAsync(string locale)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        return await context.NewPageAsync();
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(DashboardBrowserFacts.ScreenshotDirectory);
        return Path.Combine(DashboardBrowserFacts.ScreenshotDirectory, name);
    }
}
