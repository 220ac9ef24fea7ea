using System.Text.RegularExpressions;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>What a user agent string says about the visitor: a bot or not, and the class of device. It is never stored.</summary>
public static partial class UserAgentClassifier
{
    /// <summary>True for crawlers, headless browsers, scripts and HTTP libraries, and for an empty user agent.</summary>
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotPattern().IsMatch(userAgent);

    /// <summary><c>mobile</c>, <c>tablet</c> or <c>desktop</c>; empty when there is no user agent.</summary>
    public static string DeviceClass(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "";
        }
        if (TabletPattern().IsMatch(userAgent))
        {
            return "tablet";
        }
        return MobilePattern().IsMatch(userAgent) ? "mobile" : "desktop";
    }

    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|headlesschrome|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|curl/|wget/|python-requests|python-urllib|aiohttp|go-http-client|java/|okhttp|libwww|scrapy|httpclient|facebookexternalhit|embedly|preview", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();

    [GeneratedRegex(@"ipad|tablet|kindle|silk/|playbook|(android(?!.*mobile))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TabletPattern();

    [GeneratedRegex(@"mobi|iphone|ipod|android|windows phone|blackberry|opera mini", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
