using Icesco.Insights.Collector.Tests.Browser;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Icesco.Insights.Dashboard.Tests.Pages;

/// <summary>
/// The feedback explorer and the article page in Debian's chromium over the Kazan story of
/// <see cref="RawEvents.ExploreStoryAsync"/>: searches as readers type, review marks that stay, one story in three versions.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class FeedbackAndArticleBrowserFacts(EngineFixture engine, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";
    private static readonly LocatorAssertionsToHaveCountOptions Drawn = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { Timeout = 15_000 };
    private LiveDashboard site = null!;

    public async Task InitializeAsync()
    {
        site = LiveDashboard.Start(engine);
        await new RawEvents(engine, site.Collector.Database).ExploreStoryAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Theory]
    [InlineData("en-GB", "ltr", "Readers’ feedback", "5 answers match")]
    [InlineData("fr-FR", "ltr", "Avis des lecteurs", "5 réponses correspondent")]
    [InlineData("ar", "rtl", "آراء القرّاء", "عدد الإجابات المطابقة: 5")]
    public async Task The_feedback_explorer_lists_every_answer_newest_first_with_comments_as_text(string locale, string direction, string title, string count)
    {
        var page = await SignedInAsync(locale, $"/explore/feedback?{Week}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("#feedback-count")).ToHaveTextAsync(count, new() { Timeout = 15_000 });
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(5, Drawn);
        // The newest answer has no comment; the reader's markup is text, never an element.
        await Expect(page.Locator("#feedback-table tbody tr").Nth(1).Locator("td.comment")).ToHaveTextAsync("<img src=x onerror=alert(1)> too short");
        await Expect(page.Locator("#feedback-table img")).ToHaveCountAsync(0);
        await Expect(page.Locator("#feedback-table tbody tr").Last.Locator("td.comment")).ToHaveAttributeAsync("dir", "auto");
        await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-feedback-{locale[..2]}.png"), FullPage = true });
    }

    [Fact]
    public async Task An_arabic_word_typed_without_diacritics_finds_the_comment_written_with_them_and_the_address_keeps_the_search()
    {
        var page = await SignedInAsync("ar", $"/explore/feedback?{Week}");
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(5, Drawn);

        await page.Locator("#feedback-q").FillAsync("التعليم");
        await page.Locator("#feedback-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(1, Drawn);
        await Expect(page.Locator("#feedback-table td.comment")).ToHaveTextAsync(RawEvents.KazanComments[0].Comment);
        Assert.Contains("q=", new Uri(page.Url).Query, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.Locator("#feedback-q")).ToHaveValueAsync("التعليم");
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(1, Drawn);

        await page.Locator("#feedback-language").SelectOptionAsync("fr");
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(0, Drawn);
        await page.Locator("#feedback-q").FillAsync("");
        await page.Locator("#feedback-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(2, Drawn);
    }

    [Fact]
    public async Task A_reviewed_mark_is_kept_and_shown_and_unreviewed_leaves_it_out()
    {
        var page = await SignedInAsync("en-GB", $"/explore/feedback?{Week}&comments=with");
        var row = page.Locator("#feedback-table tbody tr", new() { HasText = "Great coverage of the forum" });
        await Expect(row).ToHaveCountAsync(1, Drawn);

        await row.Locator("td.review button").ClickAsync();
        await Expect(row.Locator(".reviewed-by")).ToContainTextAsync($"Reviewed by {TestUsers.Of(DashboardRoles.Staff)}", Shown);

        await page.ReloadAsync();
        await Expect(row.Locator(".reviewed-by")).ToContainTextAsync($"Reviewed by {TestUsers.Of(DashboardRoles.Staff)}", Shown);
        await Expect(row.Locator("td.review button")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.Locator("#feedback-review").SelectOptionAsync("unreviewed");
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(3, Drawn);
        await Expect(row).ToHaveCountAsync(0);
        Assert.Contains("review=unreviewed", new Uri(page.Url).Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "ltr", "ICESCO takes part in the Kazan Forum", "English")]
    [InlineData("fr-FR", "ltr", "L'ICESCO participe au Forum de Kazan", "Anglais")]
    [InlineData("ar", "rtl", "الإيسيسكو تشارك في منتدى قازان", "الإنجليزية")]
    public async Task The_article_page_shows_one_story_in_its_three_versions(string locale, string direction, string title, string english)
    {
        var page = await SignedInAsync(locale, $"/explore/article?id=kazan-fr&{Week}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        await Expect(page.Locator("#article-title")).ToHaveTextAsync(title, new() { Timeout = 15_000 });
        await Expect(page.Locator("#article-versions tbody tr")).ToHaveCountAsync(3, Drawn);
        await Expect(page.Locator("#article-versions tbody tr[data-version=en] th")).ToHaveTextAsync(english);
        var views = await page.Locator("#article-versions tbody tr td.views").AllTextContentsAsync();
        Assert.Equal(["4", "2", "1"], views);
        await Expect(page.Locator("[data-figure=views] .value")).ToHaveAttributeAsync("data-value", "7");
        await Expect(page.Locator("#article-countries tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#article-countries tbody tr[data-value=MA] .badge")).ToHaveCountAsync(1);
        await Expect(page.Locator("#article-ratings tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#article-comments li")).ToHaveCountAsync(4, Drawn);
        await Expect(page.Locator("#article-series svg")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Screenshot($"dashboard-article-{locale[..2]}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_story_is_found_by_its_arabic_title_and_opens_with_its_comments_one_click_away()
    {
        var page = await SignedInAsync("ar", $"/explore/article?{Week}");
        await Expect(page.Locator("#article-body")).ToBeHiddenAsync();

        await page.Locator("#article-q").FillAsync("منتدى قازان");
        await page.Locator("#article-find button[type=submit]").ClickAsync();
        await Expect(page.Locator("#article-matches li a")).ToHaveCountAsync(1, Drawn);
        await page.Locator("#article-matches li a").ClickAsync();

        await Expect(page.Locator("#article-versions tbody tr")).ToHaveCountAsync(3, Drawn);
        Assert.Contains("id=kazan-ar", new Uri(page.Url).Query, StringComparison.Ordinal);
        await page.Locator("#article-all-comments").ClickAsync();
        await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(4, Drawn);
        await Expect(page.Locator("#explore-filters .filter-chip[data-filter=article]")).ToHaveCountAsync(1);
    }

    private async Task<IPage> SignedInAsync(string locale, string path)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await site.SignInAsync(page, TestUsers.Of(DashboardRoles.Staff), "/explore");
        await page.GotoAsync(site.Url(path));
        return page;
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(DashboardBrowserFacts.ScreenshotDirectory);
        return Path.Combine(DashboardBrowserFacts.ScreenshotDirectory, name);
    }
}
