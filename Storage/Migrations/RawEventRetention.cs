using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Keeps the raw tables' TTL equal to <see cref="ClickHouseOptions.RawEventRetention"/>. Migration
/// 0003 bakes the retention in at creation; without this step a later change of the setting
/// would never reach an existing database. It alters only when the clause differs, because
/// MODIFY TTL rewrites the table's parts.
/// </summary>
internal static class RawEventRetention
{
    public static async Task ApplyAsync(ClickHouseClient client, ClickHouseOptions options, SchemaTopology topology, ILogger logger, CancellationToken cancellationToken)
    {
        var days = options.RawEventRetentionDays;
        foreach (var table in RawEventTables.Names)
        {
            var parameters = new ClickHouseParameterCollection();
            parameters.AddParameter("database", options.Database);
            parameters.AddParameter("table", topology.StorageTable(table));
            var engine = await client.ExecuteScalarAsync(
                "SELECT engine_full FROM system.tables WHERE database = {database:String} AND name = {table:String}",
                parameters,
                QueryPurpose.Options("schema-retention-read"),
                cancellationToken).ConfigureAwait(false) as string;
            if (engine is null || engine.Contains($"toIntervalDay({days})", StringComparison.Ordinal))
            {
                continue;
            }
            await client.ExecuteNonQueryAsync(
                $"ALTER TABLE {topology.AlterTarget(options.Database, table)} MODIFY TTL toDateTime(event_time) + INTERVAL {days} DAY",
                options: QueryPurpose.Options("schema-retention-modify"),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            SchemaMigratorLog.RetentionChanged(logger, table, days);
        }
    }
}
