namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// SQL pieces every live query shares, so that one query answers for all groups at once: each raw event is
/// repeated once per active filter it belongs to (<c>filter</c>), and the results are grouped by it.
/// </summary>
internal static class LiveSql
{
    /// <summary>
    /// <c>ARRAY JOIN</c> of an event's filter keys (<c>all</c>, its topic, its language, each of its member states)
    /// that are in <c>{filters:Array(String)}</c>: the same rule as <see cref="LiveFilter.Matches"/>.
    /// </summary>
    public const string FilterJoin = """
        ARRAY JOIN arrayFilter(f -> has({filters:Array(String)}, f),
            arrayConcat(['all', concat('topic:', toString(topic)), concat('language:', toString(language))],
                        arrayMap(m -> concat('member_state:', toString(m)), arrayDistinct(member_states)))) AS filter
        """;

    /// <summary>An event time inside <c>[{from:Int64}, {to:Int64})</c>, both in Unix milliseconds.</summary>
    public const string Window = "event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')";

    /// <summary>
    /// <c>LEFT JOIN</c> of <c>articles</c> (FINAL: the latest metadata) as <c>a</c> with a <c>title</c> in the page's own
    /// language, falling back to any title it has; empty when the article is unknown.
    /// </summary>
    public static string ArticleTitles(string database, string articleIds) => $"""
        LEFT JOIN (
            SELECT article_id,
                   multiIf(language = 'ar' AND title_ar != '', title_ar, language = 'fr' AND title_fr != '', title_fr,
                           title_en != '', title_en, title_ar != '', title_ar, title_fr) AS title
            FROM {database}.articles FINAL
            WHERE article_id IN ({articleIds})
        ) AS a ON a.article_id = t.article_id
        """;
}
