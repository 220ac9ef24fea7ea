using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;

namespace Icesco.Insights.Collector.Tests.Ingestion;

public sealed class EnrichmentFacts
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)")]
    [InlineData("Baiduspider-render/2.0")]
    [InlineData("AhrefsCrawler")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Go-http-client/1.1")]
    [InlineData("")]
    public void Bots_and_headless_browsers_are_recognised(string userAgent) => Assert.True(UserAgentClassifier.IsBot(userAgent));

    [Fact]
    public void A_desktop_browser_is_not_a_bot() => Assert.False(UserAgentClassifier.IsBot(Chrome));

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36", "mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15", "tablet")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", "tablet")]
    [InlineData(Chrome, "desktop")]
    public void Device_class_comes_from_the_user_agent(string userAgent, string device) => Assert.Equal(device, UserAgentClassifier.DeviceClass(userAgent));

    [Theory]
    [InlineData(null, "https://www.icesco.org/ar/2024/01/01/x/", "ar")]
    [InlineData(null, "https://www.icesco.org/fr/", "fr")]
    [InlineData(null, "https://www.icesco.org/en", "en")]
    [InlineData(null, "https://www.icesco.org/english/", "")]
    [InlineData("fr", "https://www.icesco.org/en/x", "fr")]
    public void Language_comes_from_the_event_else_from_the_url_path(string? declared, string url, string expected) =>
        Assert.Equal(expected, LanguageResolver.Resolve(declared, new Uri(url)));

    [Fact]
    public void A_spam_referrer_matches_its_subdomains()
    {
        var rules = new DropRules(new IngestionOptions { SpamReferrers = ["spam.example"] }.WithDefaults());
        Assert.Equal(DropReason.SpamReferrer, rules.Judge(Event("https://icesco.org/", "https://a.b.spam.example/x"), Chrome));
        Assert.Equal(DropReason.SpamReferrer, rules.Judge(Event("https://icesco.org/", "https://spam.example/"), Chrome));
        Assert.Null(rules.Judge(Event("https://icesco.org/", "https://notspam.example/"), Chrome));
    }

    [Fact]
    public void A_url_on_a_host_outside_the_site_list_is_dropped()
    {
        var rules = new DropRules(new IngestionOptions().WithDefaults());
        Assert.Equal(DropReason.ForeignSite, rules.Judge(Event("https://icesco.org.evil.example/en/"), Chrome));
        Assert.Null(rules.Judge(Event("https://WWW.icesco.org/en/"), Chrome));
    }

    [Fact]
    public void A_bot_is_dropped_before_anything_else() =>
        Assert.Equal(DropReason.Bot, new DropRules(new IngestionOptions().WithDefaults()).Judge(Event("https://elsewhere.example/"), "curl/8.0"));

    [Fact]
    public void The_visitor_hash_is_stable_within_a_day_and_changes_with_the_salt()
    {
        var today = Enumerable.Repeat((byte)1, 32).ToArray();
        var tomorrow = Enumerable.Repeat((byte)2, 32).ToArray();
        var a = VisitorHasher.Hash(today, "203.0.113.9", Chrome, "icesco.org");
        Assert.Equal(a, VisitorHasher.Hash(today, "203.0.113.9", Chrome, "icesco.org"));
        Assert.NotEqual(a, VisitorHasher.Hash(tomorrow, "203.0.113.9", Chrome, "icesco.org"));
        Assert.NotEqual(a, VisitorHasher.Hash(today, "203.0.113.10", Chrome, "icesco.org"));
        Assert.NotEqual(a, VisitorHasher.Hash(today, "203.0.113.9", Chrome, "www.icesco.org"));
    }

    [Theory]
    [InlineData("203.0.113.9", "Mozilla/5.0")]
    [InlineData("2001:db8::7", "Mozilla/5.0 (Linux; Android 14) عربي")]
    [InlineData("198.51.100.1", null)] // a user agent past the stack buffer: the pooled path
    public void The_visitor_hash_is_the_hmac_of_ip_user_agent_and_site_as_utf8_lines(string ip, string? userAgent)
    {
        // The id must not change when its computation does: a deploy mid-day would split every visitor in two.
        userAgent ??= "Mozilla/5.0 " + new string('x', 3000);
        var salt = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var mac = System.Security.Cryptography.HMACSHA256.HashData(salt, System.Text.Encoding.UTF8.GetBytes($"{ip}\n{userAgent}\nicesco.org"));
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(mac), VisitorHasher.Hash(salt, ip, userAgent, "icesco.org"));
    }

    private static IncomingEvent Event(string url, string? referrer = null) =>
        new(0, EventKind.PageView, null, null, new Uri(url), null, null, referrer is null ? null : new Uri(referrer), 0, 0, null);
}
