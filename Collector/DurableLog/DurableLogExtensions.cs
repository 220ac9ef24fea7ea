namespace Icesco.Insights.Collector.DurableLog;

/// <summary>Registers the durable write path: the on-disk log behind <see cref="Ingestion.IEventSink"/> and its flusher.</summary>
public static class DurableLogExtensions
{
    public static IHostApplicationBuilder AddDurableLog(this IHostApplicationBuilder builder) => builder; // stub: the durable-log work replaces this
}
