using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Simulator.Data;

/// <summary>
/// The real ICESCO reference data the simulator draws from: the stories of <c>articles.jsonl</c>
/// (header line skipped) and the member states of <c>member-states.csv</c>. Nothing is invented
/// here: topics and member states are exactly those of the files.
/// </summary>
public sealed partial class IcescoData
{
    public static readonly IReadOnlyList<string> Languages = ["ar", "en", "fr"];

    private IcescoData(IReadOnlyList<SimStory> stories, IReadOnlyList<string> memberStates)
    {
        Stories = stories;
        MemberStates = memberStates;
        Articles = [.. stories.SelectMany(s => Languages.Select(l => s.ByLanguage[l]))];
        Topics = [.. stories.Select(s => s.Topic).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<SimStory> Stories { get; }

    /// <summary>Every language version of every story (three per story).</summary>
    public IReadOnlyList<SimArticle> Articles { get; }

    /// <summary>ISO alpha-2 codes of <c>member-states.csv</c>.</summary>
    public IReadOnlyList<string> MemberStates { get; }

    public IReadOnlyList<string> Topics { get; }

    /// <summary>Reads <c>articles.jsonl</c> and <c>member-states.csv</c> from <paramref name="directory"/>.</summary>
    public static IcescoData Load(DirectoryInfo directory)
    {
        var articles = Path.Combine(directory.FullName, "articles.jsonl");
        var states = Path.Combine(directory.FullName, "member-states.csv");
        return Parse(File.ReadLines(articles), File.ReadLines(states));
    }

    public static IcescoData Parse(IEnumerable<string> articleLines, IEnumerable<string> memberStateLines)
    {
        var memberStates = memberStateLines.Skip(1)
            .Select(line => line.Split(',', 2)[0].Trim())
            .Where(code => code.Length == 2)
            .ToList();
        var known = memberStates.ToHashSet(StringComparer.Ordinal);

        var stories = new List<SimStory>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in articleLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("_comment", out _))
            {
                continue;
            }
            var title = root.GetProperty("title").GetString() ?? "";
            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            DateTimeOffset? date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
                ? new DateTimeOffset(DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)
                : null;
            var topic = root.GetProperty("topic").GetString()!;
            // The file's codes are already restricted to member-states.csv; the filter keeps a stray one out of the API call.
            var states = root.GetProperty("member_states").EnumerateArray().Select(s => s.GetString()!).Where(known.Contains).ToList();

            var slug = UniqueSlug(SlugOf(url, title), usedIds);
            var englishUrl = url ?? $"https://icesco.org/en/news/{slug}/";
            var ids = Languages.ToDictionary(l => l, l => $"{l}-{slug}");
            var byLanguage = Languages.ToDictionary(
                l => l,
                l => new SimArticle(ids[l], slug, LanguageUrl(englishUrl, l), l, topic, states, date, title,
                    [.. Languages.Where(o => o != l).Select(o => ids[o])]));
            stories.Add(new SimStory(slug, topic, states, date, byLanguage));
        }
        return new IcescoData(stories, memberStates);
    }

    /// <summary>The page in another language section: <c>/en/…</c> becomes <c>/ar/…</c> or <c>/fr/…</c>.</summary>
    internal static string LanguageUrl(string englishUrl, string language)
    {
        var uri = new Uri(englishUrl);
        var path = uri.AbsolutePath.StartsWith("/en/", StringComparison.Ordinal) ? uri.AbsolutePath[4..] : uri.AbsolutePath.TrimStart('/');
        return $"{uri.Scheme}://{uri.Host}/{language}/{path}";
    }

    private static string SlugOf(string? url, string title)
    {
        if (url is not null)
        {
            var last = new Uri(url).AbsolutePath.TrimEnd('/').Split('/')[^1];
            if (last.Length > 0)
            {
                return Truncate(last.ToLowerInvariant());
            }
        }
        var ascii = Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(title.Normalize(NormalizationForm.FormD))).ToLowerInvariant();
        return Truncate(NonSlug().Replace(ascii, "-").Trim('-'));
    }

    // Ids are at most 200 characters; the language prefix and a de-duplicating suffix need room.
    private static string Truncate(string slug) => slug.Length <= 180 ? slug : slug[..180].TrimEnd('-');

    private static string UniqueSlug(string slug, HashSet<string> used)
    {
        var candidate = slug;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
