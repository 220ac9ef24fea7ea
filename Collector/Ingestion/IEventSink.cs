namespace Icesco.Insights.Collector.Ingestion;

/// <summary>
/// Where accepted events go: the durable log. <see cref="AcceptAsync"/> returns only once the
/// events are on disk (fsync'd), so a 202 is never sent for an event that could still be lost.
/// </summary>
public interface IEventSink
{
    /// <summary>Makes the events durable; events whose id was already accepted are not stored again.</summary>
    /// <returns>How many were stored and how many were duplicates, or that the log is full.</returns>
    ValueTask<SinkResult> AcceptAsync(IReadOnlyList<CollectedEvent> events, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IEventSink.AcceptAsync"/>.</summary>
/// <param name="Stored">Events now durable.</param>
/// <param name="Duplicates">Events dropped because their id was accepted before.</param>
/// <param name="RetryAfter">Set when the log is full: nothing was stored; the client should retry after this.</param>
public sealed record SinkResult(int Stored, int Duplicates, TimeSpan? RetryAfter)
{
    public bool IsFull => RetryAfter is not null;
}
