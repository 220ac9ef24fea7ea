namespace Icesco.Insights.Jobs.Trends;

/// <summary>A dimension trends are computed by, and the rollup that has it.</summary>
/// <param name="Name">Stored in <c>trends.dimension</c>.</param>
/// <param name="Table">Rollup table (0004 per minute, 0007 per hour).</param>
/// <param name="Column">The dimension's column in that table.</param>
/// <param name="TimeColumn">The rollup's time bucket column.</param>
public sealed record TrendDimension(string Name, string Table, string Column, string TimeColumn)
{
    public static readonly TrendDimension Topic = new("topic", "engagement_by_topic_1m", "topic", "minute");
    public static readonly TrendDimension MemberState = new("member_state", "engagement_by_member_state_1m", "member_state", "minute");
    public static readonly TrendDimension Country = new("country", "engagement_by_country_1m", "country", "minute");
    public static readonly TrendDimension Language = new("language", "engagement_by_language_1h", "language", "hour");
    public static readonly TrendDimension Article = new("article", "engagement_by_article_1h", "article", "hour");

    /// <summary>
    /// The whole site: every event has exactly one language, so the language rollup merged over all its rows
    /// gives the site's views and (by uniqMerge) its unique visitors, and the report's headline its interval.
    /// </summary>
    public static readonly TrendDimension Overall = new("overall", "engagement_by_language_1h", "'all'", "hour");

    public static IReadOnlyList<TrendDimension> All { get; } = [Overall, Topic, MemberState, Country, Language, Article];
}
