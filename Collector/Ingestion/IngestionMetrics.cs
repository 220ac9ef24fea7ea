using System.Diagnostics.Metrics;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>Counters of the ingestion pipeline on the shared Collector meter.</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "Icesco.Insights.Collector";

    private readonly Counter<long> accepted;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> dropped;
    private readonly Counter<long> rejected;

    public IngestionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("insights.collector.events.accepted", "{event}", "Events stored in the durable log");
        duplicates = meter.CreateCounter<long>("insights.collector.events.duplicates", "{event}", "Events whose id was accepted before");
        dropped = meter.CreateCounter<long>("insights.collector.events.dropped", "{event}", "Valid events not stored, by reason");
        rejected = meter.CreateCounter<long>("insights.collector.events.rejected", "{event}", "Events that broke a validation rule, by rule");
    }

    public void Accepted(int count, int duplicate)
    {
        accepted.Add(count);
        duplicates.Add(duplicate);
    }

    public void Dropped(DropReason reason) => dropped.Add(1, new KeyValuePair<string, object?>("reason", reason.Name()));

    public void Rejected(string rule) => rejected.Add(1, new KeyValuePair<string, object?>("rule", rule));
}
