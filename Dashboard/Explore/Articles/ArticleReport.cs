namespace Icesco.Insights.Dashboard.Explore.Articles;

/// <summary>One language version of the story with its own figures in the period (and the period before).</summary>
public sealed record ArticleVersion(string Id, string Language, string Url, ArticleTitles Titles, ExploreFigures Current, ExploreFigures Previous, double? ViewsChange);

/// <summary>A point of the per-version series: views of each version id in the bucket.</summary>
public sealed record ArticlePoint(DateTimeOffset Start, string Label, IReadOnlyDictionary<string, long> Views);

/// <summary>A country (or referrer source) reading the story: its views and ratings (no visitors, as in the overview's breakdowns).</summary>
public sealed record ArticleAudienceRow(string Value, long Views, long Ratings);

/// <summary>How many ratings gave each answer (<see cref="Rating"/> of <see cref="Scale"/>).</summary>
public sealed record ArticleRatingCount(int Scale, int Rating, long Count);

/// <summary>
/// The article page in one answer: the story's versions (its translation group), the totals over all of them beside
/// the period before, views per version over time, the countries and sources reading it, and its ratings.
/// </summary>
public sealed record ArticleReport(
    ExplorePeriodInfo Period,
    string TranslationGroup,
    string Topic,
    IReadOnlyList<string> MemberStates,
    IReadOnlyList<ArticleVersion> Versions,
    ExploreTotals Totals,
    IReadOnlyList<ArticlePoint> Series,
    IReadOnlyList<ArticleAudienceRow> Countries,
    IReadOnlyList<ArticleAudienceRow> Sources,
    IReadOnlyList<ArticleRatingCount> Ratings);

/// <summary>A story found by its title: its first version (ar, en, fr order) and the titles.</summary>
public sealed record ArticleMatch(string Id, string TranslationGroup, ArticleTitles Titles);
