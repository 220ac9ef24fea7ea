using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Sends the log to ClickHouse in order: a batch when a full one has gathered or when the flush
/// interval has passed, whichever comes first. A failed batch is retried — same records, same
/// tokens — with exponential backoff until it succeeds; nothing is ever skipped. At shutdown it
/// tries once more to send what is durable; the rest stays in the log for the next start.
/// </summary>
internal sealed class LogFlusher(
    WriteAheadLog log,
    ClickHouseEventWriter writer,
    IOptions<DurableLogOptions> options,
    DurableLogMetrics metrics,
    TimeProvider timeProvider,
    ILogger<LogFlusher> logger) : BackgroundService
{
    private readonly DurableLogOptions settings = options.Value;
    private CancellationToken shutdown;

    // An insert in flight when the host stops is let finish (bounded by the host's shutdown timeout)
    // rather than cancelled by the stopping token: cancelling it only makes the driver report a
    // failed query and the last flush send the same batch again.
    private readonly CancellationTokenSource abandonInserts = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        shutdown = cancellationToken; // the host's shutdown timeout bounds the last flush
        using var timeout = cancellationToken.Register(abandonInserts.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        abandonInserts.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            for (var failures = 0; !stoppingToken.IsCancellationRequested;)
            {
                try
                {
                    await DrainAsync(retry: true, stoppingToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // E.g. the checkpoint cannot be written (disk full): the flusher must not die
                    // with the host still accepting events; it tries again from the checkpoint.
                    var delay = Backoff(++failures);
                    DurableLogLog.ReadFailed(logger, e, failures, delay);
                    await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var fullBatch = log.WhenBacklogReaches(settings.FlushBatchSize);
                var interval = Task.Delay(settings.FlushInterval, timeProvider, stoppingToken);
                await Task.WhenAny(fullBatch, interval).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: fall through to the last flush
        }

        await FlushOnShutdownAsync().ConfigureAwait(false);
    }

    private async Task FlushOnShutdownAsync()
    {
        try
        {
            await DrainAsync(retry: false, shutdown).ConfigureAwait(false);
            DurableLogLog.ShutdownFlushed(logger, log.Backlog);
        }
#pragma warning disable CA1031 // shutdown must finish; whatever was not sent is still in the log
        catch (Exception e)
#pragma warning restore CA1031
        {
            DurableLogLog.ShutdownFlushIncomplete(logger, e, e is OperationCanceledException ? "shutdown timeout" : "ClickHouse unavailable", log.Backlog);
        }
    }

    /// <summary>Sends batches until the log has no durable record left to send.</summary>
    private async Task DrainAsync(bool retry, CancellationToken cancellationToken)
    {
        while (await NextBatchAsync(retry, cancellationToken).ConfigureAwait(false) is { } batch)
        {
            if (batch.Resent)
            {
                DurableLogLog.ResendingPending(logger, batch.Start, batch.End);
            }

            log.BeginBatch(batch);
            CrashPoints.Reach(CrashPoints.FlushBegun);
            await SendAsync(batch, retry, cancellationToken).ConfigureAwait(false);
            CrashPoints.Reach(CrashPoints.FlushInserted);
            log.CompleteBatch(batch);
            metrics.BatchFlushed();
        }
    }

    private async Task<LogBatch?> NextBatchAsync(bool retry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return log.ReadNextBatch(settings.FlushBatchSize);
            }
            catch (IOException e) when (retry)
            {
                // Damage is reported at every attempt on purpose: accepted events are stuck behind it.
                var delay = Backoff(attempt);
                DurableLogLog.ReadFailed(logger, e, attempt, delay);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(LogBatch batch, bool retry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.InsertAsync(batch, abandonInserts.Token).ConfigureAwait(false);
                if (attempt > 1)
                {
                    DurableLogLog.FlushRecovered(logger, batch.ToString(), attempt);
                }

                return;
            }
            catch (Exception e) when (retry && !cancellationToken.IsCancellationRequested)
            {
                metrics.FlushFailed();
                var delay = Backoff(attempt);
                DurableLogLog.FlushFailed(logger, e, batch.ToString(), batch.Events.Count, attempt, delay);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = settings.RetryBackoffInitial * factor;
        return delay < settings.RetryBackoffMax ? delay : settings.RetryBackoffMax;
    }
}
