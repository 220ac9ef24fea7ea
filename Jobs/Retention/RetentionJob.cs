using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Retention;

/// <summary>
/// Drops the months of raw events (<c>page_views</c>, <c>feedback</c>) that lie wholly beyond
/// <c>ClickHouse:RawEventRetention</c>. The tables' TTL removes expired rows too, but only when the engine gets to
/// merging; dropping a whole partition is immediate and rewrites nothing. Rollups and trends are other tables and stay.
/// </summary>
public sealed partial class RetentionJob(
    RawEventPartitionsQuery partitions,
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    TimeProvider time,
    ILogger<RetentionJob> logger)
{
    /// <summary>The daily run.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => DropExpiredAsync(cancellationToken);

    /// <summary>Drops every expired raw-event partition and returns what it dropped (for a command line, too).</summary>
    public async Task<IReadOnlyList<RawEventPartition>> DropExpiredAsync(CancellationToken cancellationToken = default)
    {
        var settings = clickHouse.Value;
        var topology = SchemaTopology.For(settings);
        var now = time.GetUtcNow();
        var dropped = new List<RawEventPartition>();
        foreach (var partition in await partitions.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (partition.MonthStart is null)
            {
                UnexpectedPartition(logger, partition.Table, partition.PartitionId);
                continue;
            }
            if (!partition.IsExpired(now, settings.RawEventRetention))
            {
                continue;
            }
            // DDL takes no query parameters; the id is six digits (MonthStart parsed it) and the table is one of two constants.
            await client.ExecuteNonQueryAsync(
                $"ALTER TABLE {topology.AlterTarget(settings.Database, partition.Table)} DROP PARTITION ID '{partition.PartitionId}'",
                options: QueryPurpose.Options("retention-drop-partition"),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            Dropped(logger, partition.Table, partition.PartitionId, partition.Rows, partition.Bytes);
            dropped.Add(partition);
        }
        Finished(logger, dropped.Count, settings.RawEventRetentionDays);
        return dropped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: dropped {Table} partition {PartitionId} ({Rows} rows, {Bytes} bytes)")]
    private static partial void Dropped(ILogger logger, string table, string partitionId, long rows, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} raw-event partition(s) dropped (retention {Days} days)")]
    private static partial void Finished(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Table} has a partition '{PartitionId}' that is not a month (YYYYMM); left alone")]
    private static partial void UnexpectedPartition(ILogger logger, string table, string partitionId);
}
