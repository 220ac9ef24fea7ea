using System.Text.Json.Serialization;

namespace Icesco.Insights.Collector.Articles;

/// <summary>Titles of an article in the three working languages; any may be empty.</summary>
public sealed record ArticleTitles(string? Ar, string? En, string? Fr);

/// <summary>Article metadata as a server sends it.</summary>
/// <param name="Id">Required in the bulk form; in <c>PUT /api/v1/articles/{id}</c> it may be left out, or must equal the route's id.</param>
/// <param name="Url">The article page's absolute URL.</param>
/// <param name="Titles">Titles in ar/en/fr.</param>
/// <param name="Topic">A topic code from the <c>topics</c> table, e.g. <c>education</c>.</param>
/// <param name="MemberStates">ISO alpha-2 codes from the <c>member_states</c> table.</param>
/// <param name="PublishedAt">When the site published it; optional.</param>
/// <param name="Language">The page's language: ar, en or fr.</param>
/// <param name="Translations">Ids of the same story in the other languages.</param>
public sealed record ArticleRequest(
    string? Id,
    string? Url,
    ArticleTitles? Titles,
    string? Topic,
    [property: JsonPropertyName("member_states")] IReadOnlyList<string>? MemberStates,
    [property: JsonPropertyName("published_at")] DateTimeOffset? PublishedAt,
    string? Language,
    IReadOnlyList<string>? Translations);

/// <summary>
/// An article as stored in the <c>articles</c> table; <c>translation_group</c> is shared by the
/// language versions of one story (the smallest id among them).
/// </summary>
public sealed record StoredArticle(
    string Id,
    string Url,
    ArticleTitles Titles,
    string Topic,
    [property: JsonPropertyName("member_states")] IReadOnlyList<string> MemberStates,
    [property: JsonPropertyName("published_at")] DateTimeOffset? PublishedAt,
    string Language,
    [property: JsonPropertyName("translation_group")] string TranslationGroup,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);
