using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>Reads and writes <c>schema_migrations</c>, the record of which files were applied.</summary>
internal sealed class SchemaHistory(ClickHouseClient client, string database)
{
    private static readonly string[] Columns = ["version", "name", "checksum", "applied_at", "applied_by"];

    public async Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken)
    {
        var applied = new List<AppliedMigration>();
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT version, name, checksum, applied_at, applied_by FROM {database}.schema_migrations ORDER BY version, applied_at",
            options: QueryPurpose.Options("schema-migrations-read"),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            applied.Add(new AppliedMigration(
                Convert.ToInt32(reader.GetValue(0), null), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.GetString(4)));
        }
        return applied;
    }

    public async Task RecordAsync(Migration migration, string appliedBy, DateTime appliedAt, CancellationToken cancellationToken)
    {
        // The token makes recording idempotent: should two owners ever apply the same file (a lease
        // that ran out mid-run), history still holds one row per version.
        var options = QueryPurpose.Insert("schema-migrations-record", database, $"schema-migration-{migration.Version}");
        await client.InsertBinaryAsync(
            "schema_migrations",
            Columns,
            [[(uint)migration.Version, migration.Name, migration.Checksum, appliedAt, appliedBy]],
            options,
            cancellationToken).ConfigureAwait(false);
    }
}
