using ClickHouse.Driver;

namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// Builds driver options whose query id names the purpose of the query, so that
/// <c>system.query_log</c> and server logs say who asked what (house rule: every query carries one).
/// </summary>
public static class QueryPurpose
{
    /// <summary>Options for a read or DDL statement; the id is <c>purpose:random</c> so ids stay unique.</summary>
    public static QueryOptions Options(string purpose, string? database = null, IDictionary<string, object>? settings = null) =>
        new()
        {
            QueryId = NewQueryId(purpose),
            Database = database,
            CustomSettings = settings,
        };

    /// <summary>
    /// Options for a binary insert. With a <paramref name="deduplicationToken"/>, a retry of the same
    /// batch is dropped by the server (the table needs <c>non_replicated_deduplication_window</c> &gt; 0),
    /// and so are the rows its materialized views would have produced.
    /// Keep such a batch below <see cref="InsertOptions.BatchSize"/>: every driver batch carries the token.
    /// </summary>
    public static InsertOptions Insert(string purpose, string? database = null, string? deduplicationToken = null)
    {
        // On a cluster the raw tables are Distributed: the insert returns only once the shards hold the rows
        // (the Collector drops a batch from its durable log on that answer). No effect on other tables.
        var settings = new Dictionary<string, object> { ["distributed_foreground_insert"] = 1 };
        if (deduplicationToken is not null)
        {
            settings["insert_deduplicate"] = 1;
            settings["insert_deduplication_token"] = deduplicationToken;
            settings["deduplicate_blocks_in_dependent_materialized_views"] = 1;
        }
        return new()
        {
            QueryId = NewQueryId(purpose),
            Database = database,
            CustomSettings = settings,
        };
    }

    private static string NewQueryId(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return $"{purpose}:{Guid.NewGuid():N}";
    }
}
