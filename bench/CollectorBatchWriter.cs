using ClickHouse.Driver;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Storage.ClickHouse;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Bench;

/// <summary>
/// Writes batches of stored events with the Collector's own flusher writer (<see cref="ClickHouseEventWriter"/>): page
/// views into <c>page_views</c>, then feedback into <c>feedback</c>, one binary insert each with the batch's tokens.
/// Each batch takes the next positions of one made-up log, as the durable log would give them.
/// </summary>
internal sealed class CollectorBatchWriter(ClickHouseClient client, string database)
{
    // A refused row would go to a bad-rows file in the temp directory; the benchmark's rows are all valid.
    private readonly ClickHouseEventWriter writer = new(
        client,
        Options.Create(new ClickHouseOptions { ConnectionString = "(the client's)", Database = database }),
        new BadRowFile(Options.Create(new DurableLogOptions { Directory = Path.GetTempPath() }), TimeProvider.System),
        new DurableLogMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
        NullLogger<ClickHouseEventWriter>.Instance);
    private readonly Guid logId = Guid.NewGuid();
    private long next;

    /// <summary>Inserts <paramref name="batch"/>; returns the number of page views and of feedback events in it.</summary>
    public async Task<(int PageViews, int Feedback)> InsertAsync(IReadOnlyList<CollectedEvent> batch)
    {
        var start = next;
        next += batch.Count;
        await writer.InsertAsync(new LogBatch(logId, new LogPosition(0, start), next, batch, Resent: false), CancellationToken.None);
        var feedback = batch.Count(e => e.Kind == EventKind.Feedback);
        return (batch.Count - feedback, feedback);
    }
}
