namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// Where a visit came from, as the Explore pages break it down: a known search engine or social network by name,
/// <see cref="Direct"/> when the page had no referrer from another site, else the referring host without "www.".
/// One definition: the rollups of migration 0010 compute it in SQL from <c>referrer_host</c> (<see cref="SqlExpression"/>).
/// </summary>
public static class ReferrerSources
{
    public const string Direct = "direct";

    /// <summary>Known sources: name → the pattern its hosts match (RE2, as ClickHouse's <c>match</c>).</summary>
    public static IReadOnlyList<(string Name, string HostPattern)> Known { get; } =
    [
        ("google", @"(^|\.)google\."),
        ("bing", @"(^|\.)bing\.com$"),
        ("yahoo", @"(^|\.)yahoo\."),
        ("duckduckgo", @"(^|\.)duckduckgo\.com$"),
        ("yandex", @"(^|\.)yandex\."),
        ("baidu", @"(^|\.)baidu\.com$"),
        ("facebook", @"(^|\.)(facebook\.com|fb\.com|fb\.me)$"),
        ("x", @"(^|\.)(twitter\.com|x\.com|t\.co)$"),
        ("linkedin", @"(^|\.)(linkedin\.com|lnkd\.in)$"),
        ("youtube", @"(^|\.)(youtube\.com|youtu\.be)$"),
        ("instagram", @"(^|\.)instagram\.com$"),
        ("whatsapp", @"(^|\.)(whatsapp\.com|wa\.me)$"),
        ("telegram", @"(^|\.)(telegram\.org|t\.me)$"),
    ];

    /// <summary>The source of <paramref name="hostColumn"/> as one SQL expression (constants only: no user text).</summary>
    public static string SqlExpression(string hostColumn) =>
        $"multiIf({hostColumn} = '', '{Direct}', " +
        string.Concat(Known.Select(k => $"match({hostColumn}, '{Escape(k.HostPattern)}'), '{k.Name}', ")) +
        $"replaceRegexpOne({hostColumn}, '^www\\\\.', ''))";

    private static string Escape(string pattern) => pattern.Replace(@"\", @"\\", StringComparison.Ordinal);
}
