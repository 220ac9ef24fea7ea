namespace Icesco.Insights.Storage.Migrations.Topology;

/// <summary>
/// The tables that grow with traffic and are split across the shards of a cluster, each with the expression
/// that picks a row's shard. Every other table is small and kept whole on every node (see docs/scaling.md).
/// </summary>
public static class ShardedTables
{
    /// <summary>Suffix of a sharded table's storage on each node; the plain name is its <c>Distributed</c> table.</summary>
    public const string LocalSuffix = "_local";

    /// <summary>
    /// Table → sharding key. Raw events by <c>event_id</c>: deterministic, so a retried batch splits into the
    /// same per-shard blocks and each shard's deduplication still drops the repeat. The rollups are filled by
    /// materialized views on each node's raw tables and only read through their <c>Distributed</c> table; their
    /// key serves a write made directly (a repair), keeping one subject's rows together.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["page_views"] = "cityHash64(event_id)",
        ["feedback"] = "cityHash64(event_id)",
        ["engagement_by_topic_1m"] = "cityHash64(site, topic)",
        ["engagement_by_member_state_1m"] = "cityHash64(site, member_state)",
        ["engagement_by_country_1m"] = "cityHash64(site, country)",
        ["engagement_by_language_1h"] = "cityHash64(site, language)",
        ["engagement_by_article_1h"] = "cityHash64(site, article)",
        ["explore_1h"] = "cityHash64(site, topic)",
        ["article_audience_1h"] = "cityHash64(site, article_id)",
        ["article_audience_1d"] = "cityHash64(site, article_id)",
        ["feedback_explorer"] = "cityHash64(event_id)",
        ["explore_site_1d"] = "cityHash64(site)",
        ["explore_1d"] = "cityHash64(site, topic)",
        ["explore_country_1d"] = "cityHash64(site, country)",
        ["explore_states_1d"] = "cityHash64(site, member_state)",
        ["explore_state_country_1d"] = "cityHash64(site, member_state)",
        ["explore_facets_1h"] = "cityHash64(site, facet, value)",
        ["explore_facets_1d"] = "cityHash64(site, facet, value)",
        ["explore_state_topic_1h"] = "cityHash64(site, member_state)",
        ["explore_state_topic_1d"] = "cityHash64(site, member_state)",
        ["explore_state_topic_facets_1d"] = "cityHash64(site, member_state)",
        ["article_totals_1h"] = "cityHash64(site, article_id)",
        ["article_totals_1d"] = "cityHash64(site, article_id)",
        ["feedback_search"] = "cityHash64(event_id)",
    };

    public static bool Contains(string table) => Keys.ContainsKey(table);

    public static string LocalName(string table) => table + LocalSuffix;
}
