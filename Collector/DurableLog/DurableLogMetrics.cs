using System.Diagnostics.Metrics;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The write path's instruments on the Collector's meter; gauges read the log's current figures
/// when a listener collects, so nothing is sampled in between.
/// </summary>
public sealed class DurableLogMetrics
{
    public const string MeterName = "Icesco.Insights.Collector";

    private readonly Meter meter;
    private readonly Counter<long> appended;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> batches;
    private readonly Counter<long> failures;
    private readonly Counter<long> badRows;

    public DurableLogMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        appended = meter.CreateCounter<long>("collector.log.appended", "{event}", "Events made durable in the log");
        duplicates = meter.CreateCounter<long>("collector.events.duplicates", "{event}", "Events not stored because their id was accepted before");
        batches = meter.CreateCounter<long>("collector.flush.batches", "{batch}", "Batches inserted into ClickHouse");
        failures = meter.CreateCounter<long>("collector.flush.failures", "{attempt}", "Failed attempts to insert a batch");
        badRows = meter.CreateCounter<long>("collector.flush.bad_rows", "{event}", "Events ClickHouse refused, kept aside in bad-rows.jsonl");
    }

    internal void Observe(WriteAheadLog log)
    {
        meter.CreateObservableGauge("collector.log.backlog", () => log.Backlog, "{event}", "Events in the log not yet in ClickHouse");
        meter.CreateObservableGauge("collector.log.disk_bytes", () => log.DiskBytes, "By", "Bytes of live log segments");
    }

    internal void Appended(int count) => appended.Add(count);

    internal void Duplicates(int count) => duplicates.Add(count);

    internal void BatchFlushed() => batches.Add(1);

    internal void FlushFailed() => failures.Add(1);

    internal void BadRowKept() => badRows.Add(1);
}
