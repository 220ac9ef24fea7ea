using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Creates what must exist before the lock can be taken: the database, the lock table and the
/// history table. Every statement is idempotent, so racing migrators may all run it.
/// </summary>
internal static class SchemaBootstrap
{
    // Deduplication windows: the lock is a compare-and-set on insert_deduplication_token, and
    // recording a migration carries a token too, so a double apply still leaves one history row.
    // Neither table is partitioned: a token deduplicates only within one partition.
    private const string LockTable = """
        CREATE TABLE IF NOT EXISTS {database}.schema_lock
        (
            generation UInt64,
            owner String,
            action Enum8('acquire' = 1, 'release' = 2),
            at DateTime64(3, 'UTC'),
            expires_at DateTime64(3, 'UTC')
        )
        ENGINE = MergeTree
        ORDER BY (generation, action)
        SETTINGS non_replicated_deduplication_window = 10000
        """;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS {database}.schema_migrations
        (
            version UInt32,
            name String,
            checksum String,
            applied_at DateTime64(3, 'UTC'),
            applied_by String
        )
        ENGINE = MergeTree
        ORDER BY version
        SETTINGS non_replicated_deduplication_window = 10000
        """;

    /// <summary>Runs <see cref="MigrationPlan.Bootstrap"/>: the database first, then the lock and history tables.</summary>
    public static async Task EnsureAsync(ClickHouseClient client, IReadOnlyList<string> bootstrap, CancellationToken cancellationToken)
    {
        for (var i = 0; i < bootstrap.Count; i++)
        {
            await client.ExecuteNonQueryAsync(
                bootstrap[i],
                options: QueryPurpose.Options(i == 0 ? "schema-bootstrap-database" : "schema-bootstrap-table"),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lock and history tables' DDL for <paramref name="topology"/>.</summary>
    public static IEnumerable<string> Statements(string database, SchemaTopology topology) =>
        new[] { LockTable, HistoryTable }.SelectMany(ddl => topology.Translate(ddl.Replace("{database}", database, StringComparison.Ordinal)));
}
