using Icesco.Insights.Simulator.Data;

namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// The simulated readership: a fixed pool of browsers drawn once from the seed. Most come from
/// member states, weighted by how often the real articles mention each (Morocco, the host, leads);
/// the rest from elsewhere. Each reads the language section its country would most likely read.
/// </summary>
public sealed class VisitorPool
{
    /// <summary>Share of readers in member states; the rest are the diaspora, partners and researchers elsewhere.</summary>
    public const double MemberStateShare = 0.8;

    private static readonly (string Country, double Weight)[] Elsewhere =
    [
        ("FR", 5), ("US", 5), ("GB", 3), ("DE", 2), ("ES", 2), ("CA", 2), ("BE", 2), ("IT", 1),
        ("IN", 2), ("CN", 1), ("RU", 1), ("CH", 1), ("NL", 1), ("KZ", 1), ("TR", 2), ("JP", 1),
    ];

    private static readonly HashSet<string> ArabicSpeaking =
        ["DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"];

    private static readonly HashSet<string> FrenchSpeaking =
        ["SN", "ML", "NE", "BF", "CI", "CM", "TD", "GA", "GN", "BJ", "TG", "KM", "DJ", "MA", "TN", "DZ", "MR", "FR", "BE", "CH", "CA"];

    private static readonly string[] Mobile =
    [
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.{1}.{2} Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 13; Redmi Note 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.{1}.{2} Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{3} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{3} Mobile/15E148 Safari/604.1",
    ];

    private static readonly string[] Desktop =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.{1}.{2} Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{3} Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{0}.0) Gecko/20100101 Firefox/{0}.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.{1}.{2} Safari/537.36",
    ];

    private const string Tablet = "Mozilla/5.0 (iPad; CPU OS 17_{3} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{3} Mobile/15E148 Safari/604.1";

    public VisitorPool(IcescoData data, int size, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var mentions = data.MemberStates.ToDictionary(s => s, _ => 1.0, StringComparer.Ordinal);
        foreach (var state in data.Stories.SelectMany(s => s.MemberStates))
        {
            mentions[state] += 1;
        }
        var memberWeights = mentions.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, m.Value)).ToArray();

        var visitors = new Visitor[size];
        for (var i = 0; i < size; i++)
        {
            var fromMember = random.NextDouble() < MemberStateShare;
            var country = Pick(fromMember ? memberWeights : Elsewhere, random);
            var device = random.NextDouble() switch { < 0.62 => "mobile", < 0.95 => "desktop", _ => "tablet" };
            visitors[i] = new Visitor(i, country, fromMember, LanguageOf(country, random), device, UserAgent(device, random));
        }
        All = visitors;
    }

    public IReadOnlyList<Visitor> All { get; }

    /// <summary>A reader for one page view: a few loyal readers read much more than most (index skewed towards 0).</summary>
    public Visitor Next(Random random) => All[(int)(All.Count * Math.Pow(random.NextDouble(), 1.5))];

    internal static string LanguageOf(string country, Random random)
    {
        var u = random.NextDouble();
        return (ArabicSpeaking.Contains(country), FrenchSpeaking.Contains(country)) switch
        {
            (true, true) => u < 0.50 ? "ar" : u < 0.85 ? "fr" : "en",
            (true, false) => u < 0.70 ? "ar" : u < 0.95 ? "en" : "fr",
            (false, true) => u < 0.70 ? "fr" : u < 0.90 ? "en" : "ar",
            _ => u < 0.75 ? "en" : u < 0.90 ? "ar" : "fr",
        };
    }

    private static string UserAgent(string device, Random random)
    {
        var template = device switch
        {
            "mobile" => Mobile[random.Next(Mobile.Length)],
            "tablet" => Tablet,
            _ => Desktop[random.Next(Desktop.Length)],
        };
        // Build numbers vary as real browsers' do, which also keeps two readers on one device model apart.
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template,
            random.Next(124, 132), random.Next(6000, 6800), random.Next(40, 200), random.Next(1, 7));
    }

    internal static string Pick((string Key, double Weight)[] weighted, Random random)
    {
        var u = random.NextDouble() * weighted.Sum(w => w.Weight);
        foreach (var (key, weight) in weighted)
        {
            u -= weight;
            if (u < 0)
            {
                return key;
            }
        }
        return weighted[^1].Key;
    }
}
