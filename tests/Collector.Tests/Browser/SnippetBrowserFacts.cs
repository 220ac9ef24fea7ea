using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Icesco.Insights.Collector.Tests.Browser;

/// <summary>The snippet in Debian's chromium, loaded cross-origin from a live Collector into article pages.</summary>
[Collection(EngineCollection.Name)]
public sealed class SnippetBrowserFacts(EngineFixture engine, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Widget = "[data-icesco-feedback]";
    private readonly string articleId = "article-" + Guid.NewGuid().ToString("N")[..10];
    private TestSite site = null!;
    private LiveCollector collector = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        site = await TestSite.StartAsync();
        collector = LiveCollector.Start(engine, site.Origin);
        site.Collector = collector.Address;
    }

    public async Task DisposeAsync()
    {
        await collector.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task Arabic_widget_is_right_to_left_and_operable_by_keyboard_alone()
    {
        var page = await chromium.NewPageAsync("ar-MA");
        var beacons = await BeaconLog.AttachAsync(page);
        await page.GotoAsync(site.Article("ar", articleId).ToString());
        var widget = page.Locator(Widget);

        await Expect(widget.Locator("legend")).ToHaveTextAsync("بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟");
        await Expect(widget).ToHaveAttributeAsync("dir", "rtl");
        await Expect(widget).ToHaveAttributeAsync("lang", "ar");
        await Expect(widget.Locator("input[type=radio]")).ToHaveCountAsync(5);
        await Expect(widget.Locator("label").First).ToContainTextAsync("غير راضٍ إطلاقًا");
        await Expect(widget.Locator("button[type=submit]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("widget-ar.png"), FullPage = true });

        await TabUntilFocusedAsync(page, $"{Widget} input[type=radio]");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(widget.Locator("input:checked")).ToHaveValueAsync("4");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, $"{Widget} textarea"));
        await page.Keyboard.TypeAsync("موقع رائع. راسلوني على reader.one@example.org أو 0612345678");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, $"{Widget} button[type=submit]"));
        await page.ScreenshotAsync(new() { Path = Screenshot("widget-ar-filled.png"), FullPage = true });
        await page.Keyboard.PressAsync("Enter");

        var thanks = widget.Locator("[aria-live=polite]");
        await Expect(thanks).ToHaveTextAsync("شكرًا لملاحظاتك");
        await Expect(thanks).ToBeFocusedAsync();
        await Expect(widget.Locator("form")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("widget-ar-thanks.png"), FullPage = true });

        var feedback = await beacons.FirstAsync("feedback");
        Assert.Equal(4, feedback.GetProperty("rating").GetInt32());
        Assert.Equal(5, feedback.GetProperty("scale").GetInt32());
        Assert.Equal("ar", feedback.GetProperty("language").GetString());
        Assert.Equal(articleId, feedback.GetProperty("article_id").GetString());
        Assert.Equal("موقع رائع. راسلوني على reader.one@example.org أو 0612345678", feedback.GetProperty("comment").GetString());
        Assert.Single(beacons.OfType("pageview"));
    }

    [Fact]
    public async Task Page_view_is_sent_once_as_text_plain_in_the_wire_format()
    {
        var page = await chromium.NewPageAsync("ar-MA");
        var beacons = await BeaconLog.AttachAsync(page);
        var url = site.Article("ar", articleId);

        await page.GotoAsync(site.Article("ar", articleId, "?utm_source=newsletter&email=someone%40example.org#comments").ToString(),
            new() { Referer = "https://www.google.com/search?q=icesco" });

        var view = await beacons.FirstAsync("pageview");
        Assert.Equal(
            ["type", "event_id", "timestamp", "url", "article_id", "language", "referrer"],
            view.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(view.GetProperty("event_id").GetString(), out _));
        Assert.InRange(view.GetProperty("timestamp").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(url.ToString(), view.GetProperty("url").GetString());
        Assert.Equal(articleId, view.GetProperty("article_id").GetString());
        Assert.Equal("ar", view.GetProperty("language").GetString());
        // Whatever the browser's referrer policy leaves, the snippet sends it without a query string.
        Assert.StartsWith("https://www.google.com/", view.GetProperty("referrer").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("?", view.GetProperty("referrer").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("text/plain", beacons.Sent.Single().ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_and_French_widgets_speak_the_page_language()
    {
        var english = await chromium.NewPageAsync("en-GB");
        var englishBeacons = await BeaconLog.AttachAsync(english);
        await english.GotoAsync(site.Article("en", articleId).ToString());
        var widget = english.Locator(Widget);
        await Expect(widget.Locator("legend")).ToHaveTextAsync("Overall, how satisfied are you about the website?");
        await Expect(widget).ToHaveAttributeAsync("dir", "ltr");
        await Expect(widget.Locator("label").First).ToContainTextAsync("Extremely Dissatisfied");
        await Expect(widget.Locator("label").Nth(4)).ToContainTextAsync("Extremely Satisfied");
        await english.ScreenshotAsync(new() { Path = Screenshot("widget-en.png"), FullPage = true });
        Assert.Equal(articleId, (await englishBeacons.FirstAsync("pageview")).GetProperty("article_id").GetString());

        var french = await chromium.NewPageAsync("fr-FR");
        var frenchBeacons = await BeaconLog.AttachAsync(french);
        await french.GotoAsync(site.Article("fr", articleId).ToString());
        widget = french.Locator(Widget);
        await Expect(widget.Locator("legend")).ToHaveTextAsync("Dans l’ensemble, dans quelle mesure êtes-vous satisfait du site Web\u00a0?");
        await Expect(widget.Locator("label").First).ToContainTextAsync("Extrêmement insatisfait");
        await french.ScreenshotAsync(new() { Path = Screenshot("widget-fr.png"), FullPage = true });
        Assert.Equal("fr", (await frenchBeacons.FirstAsync("pageview")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task Widget_styles_apply_only_inside_the_widget()
    {
        var page = await chromium.NewPageAsync("ar-MA");
        await page.GotoAsync(site.Article("ar", articleId).ToString());
        await Expect(page.Locator($"{Widget} legend")).ToBeVisibleAsync();

        var selectors = await page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].flatMap(s => [...s.cssRules]).flatMap(r => r.selectorText.split(','))");

        Assert.NotEmpty(selectors);
        Assert.All(selectors, s => Assert.StartsWith(".icesco-fb", s.Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })")]
    [InlineData("Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })")]
    public async Task A_reader_who_asks_not_to_be_tracked_gets_no_request_and_no_widget(string privacySignal)
    {
        var page = await chromium.NewPageAsync("ar-MA");
        await page.AddInitScriptAsync(privacySignal);
        await page.AddInitScriptAsync(SpyOnSending);

        await page.GotoAsync(site.Article("ar", articleId).ToString()); // an async script delays the load event

        Assert.True(await page.EvaluateAsync<bool>("() => window.__icescoInsights === true"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__sent.length"));
        Assert.Equal(0, await page.Locator($"{Widget} *").CountAsync());
    }

    [Fact]
    public async Task An_arabic_rating_with_a_comment_reaches_ClickHouse_scrubbed()
    {
        var page = await chromium.NewPageAsync("ar-MA");
        await page.GotoAsync(site.Article("ar", articleId).ToString());
        await TabUntilFocusedAsync(page, $"{Widget} input[type=radio]");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("راسلوني على reader.one@example.org أو 0612345678");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"{Widget} [aria-live=polite]")).ToHaveTextAsync("شكرًا لملاحظاتك");

        var row = await Eventually.UntilAsync(
            () => FeedbackRowAsync(collector.App.Database, articleId),
            found => found is not null,
            TimeSpan.FromSeconds(30),
            $"a feedback row for {articleId} in {collector.App.Database}");

        Assert.Equal((4, 5, "ar"), (row!.Value.Rating, row.Value.Scale, row.Value.Language));
        Assert.DoesNotContain("reader.one@example.org", row.Value.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", row.Value.Comment, StringComparison.Ordinal);
        Assert.StartsWith("راسلوني على", row.Value.Comment, StringComparison.Ordinal);
    }

    // Records what the snippet would send, so a test can assert that nothing was even attempted.
    private const string SpyOnSending = """
        window.__sent = [];
        const beacon = navigator.sendBeacon.bind(navigator);
        navigator.sendBeacon = (url, body) => { window.__sent.push(url); return beacon(url, body); };
        const fetcher = window.fetch.bind(window);
        window.fetch = (url, init) => { window.__sent.push(String(url)); return fetcher(url, init); };
        """;

    private async Task<(int Rating, int Scale, string Language, string Comment)?> FeedbackRowAsync(string database, string id)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("article", id);
        using var reader = await engine.Client.ExecuteReaderAsync(
            $"SELECT rating, rating_scale, language, comment FROM {database}.feedback WHERE article_id = {{article:String}} LIMIT 1",
            parameters);
        return reader.Read() ? (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3)) : null;
    }

    private static async Task TabUntilFocusedAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 10; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await IsFocusedAsync(page, selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    private static Task<bool> IsFocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector);

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Path.Combine(ScreenshotDirectory, name);
    }
}
