using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// The latest state of each watched filter, kept by the tick so that a subscribing (or reconnecting) client gets
/// its <c>Snapshot</c> without a query; a filter nobody watched yet is read once, for that filter only.
/// </summary>
public sealed class LiveSnapshots(LiveStateReader reader, TimeProvider clock, IOptionsMonitor<LiveOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<LiveFilter, Entry> latest = new();

    /// <summary>Stores the tick's state; true when it differs from the stored one (apart from its time), i.e. worth pushing.</summary>
    public bool Store(LiveState state, LiveFilter filter)
    {
        var fingerprint = JsonSerializer.Serialize(state with { At = default }, Json);
        var previous = latest.TryGetValue(filter, out var entry) ? entry.Fingerprint : null;
        latest[filter] = new Entry(state, fingerprint);
        return !string.Equals(previous, fingerprint, StringComparison.Ordinal);
    }

    /// <summary>Forgets the filters nobody watches any more.</summary>
    public void Retain(IReadOnlyList<LiveFilter> active)
    {
        foreach (var filter in latest.Keys.Except(active))
        {
            latest.TryRemove(filter, out _);
        }
    }

    public async Task<LiveState> GetAsync(LiveFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Older than a few ticks means the tick is stalled (ClickHouse slow or down): read afresh rather than
        // hand a reconnecting client an old picture as if it were current.
        if (latest.TryGetValue(filter, out var entry) && now - entry.State.At <= 3 * options.CurrentValue.Tick)
        {
            return entry.State;
        }
        var states = await reader.ReadAsync([filter], now, cancellationToken).ConfigureAwait(false);
        return states[filter];
    }

    private sealed record Entry(LiveState State, string Fingerprint);
}
