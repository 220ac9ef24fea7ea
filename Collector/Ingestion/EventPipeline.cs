using System.Globalization;
using System.Text.Json;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>What became of each event of a request.</summary>
/// <param name="IsBatch">The body was an array.</param>
/// <param name="Total">Events in the body.</param>
/// <param name="Kept">Valid events to store.</param>
/// <param name="Dropped">Valid events not stored, by reason.</param>
/// <param name="Violations">Every broken rule.</param>
/// <param name="RejectedEvents">How many events broke a rule (an event may break several).</param>
public sealed record PipelineResult(
    bool IsBatch,
    int Total,
    IReadOnlyList<CollectedEvent> Kept,
    IReadOnlyDictionary<DropReason, int> Dropped,
    IReadOnlyList<Violation> Violations,
    int RejectedEvents)
{
    /// <summary>A single invalid event, or a batch in which no event was valid, is answered 400.</summary>
    public bool IsRejectedWhole => RejectedEvents > 0 && (!IsBatch || RejectedEvents == Total);
}

/// <summary>
/// The ingestion steps in order: validate → drop-or-keep → enrich, each event on its own so a bad
/// one never spoils its neighbours. Parsing comes before (<see cref="EventBodyParser"/>) and the
/// durable log after (<see cref="IEventSink"/>).
/// </summary>
public sealed class EventPipeline(EventEnricher enricher, IngestionMetrics metrics, IOptions<IngestionOptions> options)
{
    private readonly EventValidator validator = new(options.Value);
    private readonly DropRules dropRules = new(options.Value);

    public PipelineResult Process(JsonElement root, RequestFacts facts, ReadOnlySpan<byte> salt)
    {
        var isBatch = root.ValueKind == JsonValueKind.Array;
        var total = isBatch ? root.GetArrayLength() : 1;
        var violations = new List<Violation>();
        var kept = new List<CollectedEvent>(total);
        var dropped = new Dictionary<DropReason, int>();
        var rejected = 0;

        // A single event (the beacon's case) is judged as it is; a batch through the array's struct enumerator,
        // which walks the document once (indexing would rescan it for each element).
        if (!isBatch)
        {
            rejected += Judge(root, 0, false, facts, salt, violations, kept, dropped);
        }
        else
        {
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                rejected += Judge(element, index++, true, facts, salt, violations, kept, dropped);
            }
        }

        return new PipelineResult(isBatch, total, kept, dropped, violations, rejected);
    }

    /// <summary>Validates, judges and enriches one event; returns 1 when it broke a rule, else 0.</summary>
    private int Judge(
        JsonElement element,
        int i,
        bool isBatch,
        RequestFacts facts,
        ReadOnlySpan<byte> salt,
        List<Violation> violations,
        List<CollectedEvent> kept,
        Dictionary<DropReason, int> dropped)
    {
        var before = violations.Count;
        var incoming = validator.Validate(element, i, isBatch ? Prefix(i) : "", violations);
        if (incoming is null)
        {
            for (var v = before; v < violations.Count; v++)
            {
                metrics.Rejected(violations[v].Rule);
            }
            return 1;
        }

        if (dropRules.Judge(incoming, facts.UserAgent, facts.FromDatacenter) is { } reason)
        {
            dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
            metrics.Dropped(reason);
            return 0;
        }
        kept.Add(enricher.Enrich(incoming, facts, salt));
        return 0;
    }

    private static string Prefix(int index) => string.Create(CultureInfo.InvariantCulture, $"events[{index}].");
}
