namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The last N accepted event ids, oldest forgotten first: memory stays bounded by configuration
/// while a client's retry (seconds or minutes later) is still recognised. Not thread-safe: only
/// the log's single writer touches it.
/// </summary>
internal sealed class RecentEventIds(int capacity)
{
    private readonly HashSet<Guid> ids = new(Math.Min(capacity, 1 << 16));
    private readonly Queue<Guid> order = new(Math.Min(capacity, 1 << 16));

    public int Count => ids.Count;

    public bool Contains(Guid id) => ids.Contains(id);

    public void Add(Guid id)
    {
        if (!ids.Add(id))
        {
            return;
        }

        order.Enqueue(id);
        if (order.Count > capacity)
        {
            ids.Remove(order.Dequeue());
        }
    }
}
