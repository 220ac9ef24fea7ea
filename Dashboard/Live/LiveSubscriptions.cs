using System.Collections.Concurrent;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>Which connection watches which filter: the tick asks only about filters that have someone watching.</summary>
public sealed class LiveSubscriptions
{
    private readonly ConcurrentDictionary<string, LiveFilter> byConnection = new(StringComparer.Ordinal);

    /// <summary>Records the connection's filter; returns the one it had before, if any.</summary>
    public LiveFilter? Set(string connectionId, LiveFilter filter)
    {
        LiveFilter? previous = null;
        byConnection.AddOrUpdate(connectionId, filter, (_, old) =>
        {
            previous = old;
            return filter;
        });
        return previous;
    }

    public void Remove(string connectionId) => byConnection.TryRemove(connectionId, out _);

    public int Connections => byConnection.Count;

    public IReadOnlyList<LiveFilter> ActiveFilters() => [.. byConnection.Values.Distinct()];
}
