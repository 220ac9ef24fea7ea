using System.Collections.Concurrent;
using System.Threading.Channels;
using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// Lists articles that events mention but the catalogue does not know, for the Jobs' metadata
/// sync: each (site, id, url) once per process, written to <c>unknown_articles</c> in batches.
/// </summary>
public sealed partial class UnknownArticleRecorder(
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<UnknownArticleRecorder> logger) : BackgroundService
{
    private const int MaxRemembered = 100_000;
    private static readonly string[] Columns = ["site", "article_id", "url", "first_seen", "last_seen"];

    private readonly Channel<object[]> pending = Channel.CreateBounded<object[]>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<(string, string, string), byte> remembered = new();

    /// <summary>Notes an unknown article; cheap, never blocks the request.</summary>
    public void Record(string site, string? articleId, string url)
    {
        var key = (site, articleId ?? "", url);
        if (remembered.Count >= MaxRemembered)
        {
            remembered.Clear(); // a bound on memory; at worst a row is written again, and the table deduplicates
        }
        if (remembered.TryAdd(key, 0))
        {
            var now = time.GetUtcNow().UtcDateTime;
            pending.Writer.TryWrite([site, articleId ?? "", url, now, now]);
        }
    }

    /// <summary>Writes what is pending now; returns how many rows were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<object[]>();
        while (batch.Count < 5_000 && pending.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }
        if (batch.Count == 0)
        {
            return 0;
        }
        try
        {
            await client.InsertBinaryAsync("unknown_articles", Columns, batch, QueryPurpose.Insert("unknown-articles", clickHouse.Value.Database), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Forget them so a later event records them again; the list is a hint for the sync, not data.
            foreach (var row in batch)
            {
                remembered.TryRemove(((string)row[0], (string)row[1], (string)row[2]), out _);
            }
            FlushFailed(logger, batch.Count, e);
            return 0;
        }
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UnknownArticleFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: a last flush below
        }
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {Count} unknown articles; they will be recorded when seen again")]
    private static partial void FlushFailed(ILogger logger, int count, Exception exception);
}
