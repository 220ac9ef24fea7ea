using System.Threading.Channels;
using Icesco.Insights.Collector.Ingestion;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The <see cref="IEventSink"/> of the Collector: requests queue up, one writer task appends
/// whatever has gathered as one group with a single fsync, then answers every request in it.
/// So a 202 always follows an fsync, and concurrent requests share its cost.
/// </summary>
public sealed class DurableEventSink : IEventSink, IAsyncDisposable, IDisposable
{
    // Bounded so that a stalled disk pushes back on requests instead of growing memory.
    private const int QueueCapacity = 4096;
    private const int MaxGroup = 1024;

    private readonly WriteAheadLog log;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly TimeSpan window;
    private readonly Channel<Append> queue = Channel.CreateBounded<Append>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task writer;

    public DurableEventSink(WriteAheadLog log, IOptions<DurableLogOptions> options, TimeProvider timeProvider, ILogger<DurableEventSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.log = log;
        this.timeProvider = timeProvider;
        this.logger = logger;
        window = options.Value.GroupCommitWindow;
        writer = Task.Run(WriteLoopAsync);
    }

    public async ValueTask<SinkResult> AcceptAsync(IReadOnlyList<CollectedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return new SinkResult(0, 0, null);
        }

        var append = new Append(events);
        await queue.Writer.WriteAsync(append, cancellationToken).ConfigureAwait(false);

        // Not cancellable once queued: the events may already be on their way to disk, and the
        // caller must learn whether they are before it answers the client.
        return await append.Completion.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    public void Dispose()
    {
        // For containers disposed synchronously: the writer only finishes the groups already queued.
        queue.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Append>(MaxGroup);
        var requests = new List<IReadOnlyList<CollectedEvent>>(MaxGroup);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (window > TimeSpan.Zero)
            {
                await Task.Delay(window, timeProvider).ConfigureAwait(false); // let requests arriving together join this fsync
            }

            group.Clear();
            requests.Clear();
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var append))
            {
                group.Add(append);
                requests.Add(append.Events);
            }

            Commit(group, requests);
        }
    }

    private void Commit(List<Append> group, List<IReadOnlyList<CollectedEvent>> requests)
    {
        SinkResult[] results;
        try
        {
            results = log.AppendGroup(requests);
        }
#pragma warning disable CA1031 // any failure of the disk must reach every waiting request, not end the writer
        catch (Exception e)
#pragma warning restore CA1031
        {
            DurableLogLog.AppendFailed(logger, e, group.Count);
            foreach (var append in group)
            {
                append.Completion.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class Append(IReadOnlyList<CollectedEvent> events)
    {
        public IReadOnlyList<CollectedEvent> Events { get; } = events;

        public TaskCompletionSource<SinkResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
