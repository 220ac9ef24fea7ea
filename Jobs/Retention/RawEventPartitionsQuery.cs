using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Retention;

/// <summary>The partitions of the raw-event tables that hold data (active parts), with their rows and bytes.</summary>
public sealed class RawEventPartitionsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    private static readonly IReadOnlyList<string> Tables = RawEventTables.Names;

    public async Task<IReadOnlyList<RawEventPartition>> ReadAsync(CancellationToken cancellationToken)
    {
        // On a cluster the parts are those of each shard's local table, summed over the shards (one replica each).
        var topology = SchemaTopology.For(clickHouse.Value);
        var sql = $$"""
            SELECT table, partition_id, sum(rows), sum(bytes_on_disk)
            FROM {{topology.PartsSource}}
            WHERE database = {database:String} AND table IN ({page_views:String}, {feedback:String}) AND active
            GROUP BY table, partition_id
            ORDER BY table, partition_id
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("database", clickHouse.Value.Database);
        parameters.AddParameter("page_views", topology.StorageTable(Tables[0]));
        parameters.AddParameter("feedback", topology.StorageTable(Tables[1]));

        var partitions = new List<RawEventPartition>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options("retention-partitions"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var storage = reader.GetString(0);
            partitions.Add(new RawEventPartition(
                Tables.Single(t => topology.StorageTable(t) == storage),
                reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        return partitions;
    }
}
