namespace Icesco.Insights.Simulator.Data;

/// <summary>
/// One language version of a real ICESCO story, as the simulator registers it through the articles API.
/// The English version carries the page's real URL; the Arabic and French versions live under
/// <c>/ar/</c> and <c>/fr/</c> of the same path, as the site's language sections do.
/// </summary>
public sealed record SimArticle(
    string Id,
    string StoryId,
    string Url,
    string Language,
    string Topic,
    IReadOnlyList<string> MemberStates,
    DateTimeOffset? PublishedAt,
    string TitleEn,
    IReadOnlyList<string> Translations);

/// <summary>A story (all its language versions) with the facts the traffic model needs.</summary>
public sealed record SimStory(
    string StoryId,
    string Topic,
    IReadOnlyList<string> MemberStates,
    DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, SimArticle> ByLanguage);
