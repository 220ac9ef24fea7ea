using System.Diagnostics;
using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>What one table holds in its active parts: rows, parts and bytes (compressed, uncompressed, on disk).</summary>
internal sealed record TableBytes(string Table, long Rows, long Parts, long Compressed, long Uncompressed, long OnDisk)
{
    public double PerRow => Rows == 0 ? 0 : (double)OnDisk / Rows;

    public double Ratio => Compressed == 0 ? 0 : (double)Uncompressed / Compressed;
}

/// <summary>The storage benchmark's questions to the engine's system tables, all about one database.</summary>
internal sealed class StorageParts(ClickHouseClient client, string database)
{
    /// <summary>The rollups filled by materialized views on <c>page_views</c> and <c>feedback</c>.</summary>
    public static readonly IReadOnlyList<string> Rollups =
        ["engagement_by_topic_1m", "engagement_by_member_state_1m", "engagement_by_country_1m", "engagement_by_language_1h", "engagement_by_article_1h"];

    /// <summary>Active parts per table, the raw events first, then the rollups, then the rest.</summary>
    public async Task<IReadOnlyList<TableBytes>> TablesAsync()
    {
        var tables = new List<TableBytes>();
        using (var reader = await client.ExecuteReaderAsync(
            """
            SELECT table, sum(rows), count(), sum(data_compressed_bytes), sum(data_uncompressed_bytes), sum(bytes_on_disk)
            FROM system.parts WHERE database = {database:String} AND active GROUP BY table
            """, Parameters(), QueryPurpose.Options("bench-storage-parts")))
        {
            while (reader.Read())
            {
                tables.Add(new TableBytes(reader.GetString(0), Long(reader.GetValue(1)), Long(reader.GetValue(2)),
                    Long(reader.GetValue(3)), Long(reader.GetValue(4)), Long(reader.GetValue(5))));
            }
        }
        return [.. tables.OrderBy(t => t.Table switch { "page_views" => 0, "feedback" => 1, _ when Rollups.Contains(t.Table) => 2, _ => 3 })
            .ThenBy(t => t.Table, StringComparer.Ordinal)];
    }

    /// <summary>Compressed and uncompressed bytes of each column of <paramref name="table"/> (active parts).</summary>
    public async Task<IReadOnlyList<(string Column, long Compressed, long Uncompressed)>> ColumnsAsync(string table)
    {
        var parameters = Parameters();
        parameters.AddParameter("table", table);
        var columns = new List<(string, long, long)>();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT name, data_compressed_bytes, data_uncompressed_bytes FROM system.columns WHERE database = {database:String} AND table = {table:String} ORDER BY position",
            parameters, QueryPurpose.Options("bench-storage-columns"));
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), Long(reader.GetValue(1)), Long(reader.GetValue(2))));
        }
        return columns;
    }

    /// <summary>
    /// The names of every part. With merges stopped, the parts an insert creates are the names that were not there
    /// before (not the level-0 ones: a rollup's part is written already merged, at level 1, by optimize_on_insert).
    /// </summary>
    public async Task<HashSet<(string Table, string Part)>> PartNamesAsync()
    {
        var parts = new HashSet<(string, string)>();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT table, name FROM system.parts WHERE database = {database:String}",
            Parameters(), QueryPurpose.Options("bench-storage-new-parts"));
        while (reader.Read())
        {
            parts.Add((reader.GetString(0), reader.GetString(1)));
        }
        return parts;
    }

    /// <summary>Merges each table down to one part per partition, as old months of a quiet table end up.</summary>
    public async Task OptimizeFinalAsync(IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            await client.ExecuteNonQueryAsync($"OPTIMIZE TABLE {database}.{table} FINAL", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-storage-optimize"));
        }
    }

    /// <summary>Stops (or restarts) background merges of <paramref name="tables"/>, so that a new part stays visible until counted.</summary>
    public async Task MergesAsync(bool run, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            await client.ExecuteNonQueryAsync($"SYSTEM {(run ? "START" : "STOP")} MERGES {database}.{table}", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-storage-merges"));
        }
    }

    /// <summary>
    /// Rewrites <paramref name="table"/> in the wide format (a file per column), whose per-column sizes
    /// <c>system.columns</c> reports; a small part is compact (all columns in one file) and reports none.
    /// </summary>
    public async Task RewriteWideAsync(string table)
    {
        await client.ExecuteNonQueryAsync($"ALTER TABLE {database}.{table} MODIFY SETTING min_bytes_for_wide_part = 0", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-storage-wide"));
        await OptimizeFinalAsync([table]);
    }

    /// <summary>Waits until no merge of the database has run for 3 s in a row (at most 10 minutes); returns the wait.</summary>
    public async Task<TimeSpan> WaitForMergesAsync()
    {
        var clock = Stopwatch.StartNew();
        for (var quiet = 0; quiet < 3 && clock.Elapsed < TimeSpan.FromMinutes(10);)
        {
            quiet = await ScalarAsync("SELECT count() FROM system.merges WHERE database = {database:String}") == 0 ? quiet + 1 : 0;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return clock.Elapsed;
    }

    /// <summary>The time the page views span, first to last.</summary>
    public async Task<TimeSpan> PageViewSpanAsync() =>
        TimeSpan.FromMilliseconds(await ScalarAsync($"SELECT toInt64(dateDiff('millisecond', min(event_time), max(event_time))) FROM {database}.page_views"));

    /// <summary>The values of MergeTree settings of the engine, by name.</summary>
    public async Task<string> MergeTreeSettingsAsync(params string[] names)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("names", names);
        var values = new List<string>();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT name, value FROM system.merge_tree_settings WHERE has({names:Array(String)}, name) ORDER BY indexOf({names:Array(String)}, name)",
            parameters, QueryPurpose.Options("bench-storage-settings"));
        while (reader.Read())
        {
            values.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        }
        return string.Join(", ", values);
    }

    public async Task<string> EngineVersionAsync() =>
        Convert.ToString(await client.ExecuteScalarAsync("SELECT version()", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-storage-version")), CultureInfo.InvariantCulture) ?? "";

    private async Task<long> ScalarAsync(string sql) =>
        Long(await client.ExecuteScalarAsync(sql, Parameters(), QueryPurpose.Options("bench-storage-count")));

    private ClickHouseParameterCollection Parameters()
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("database", database);
        return parameters;
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
