using System.Text.Json;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>What became of each event of a request.</summary>
public sealed record PipelineResult(
    bool IsBatch,
    int Total,
    IReadOnlyList<CollectedEvent> Kept,
    IReadOnlyDictionary<DropReason, int> Dropped,
    IReadOnlyList<Violation> Violations)
{
    /// <summary>A single invalid event, or a batch in which no event was valid, is answered 400.</summary>
    public bool IsRejectedWhole => Violations.Count > 0 && (!IsBatch || Violations.Select(v => v.Index).Distinct().Count() == Total);
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
        var elements = isBatch ? root.EnumerateArray().ToList() : [root];
        var violations = new List<Violation>();
        var kept = new List<CollectedEvent>(elements.Count);
        var dropped = new Dictionary<DropReason, int>();

        for (var i = 0; i < elements.Count; i++)
        {
            var before = violations.Count;
            var incoming = validator.Validate(elements[i], i, isBatch ? $"events[{i}]." : "", violations);
            if (incoming is null)
            {
                foreach (var violation in violations.Skip(before))
                {
                    metrics.Rejected(violation.Rule);
                }
                continue;
            }

            if (dropRules.Judge(incoming, facts.UserAgent) is { } reason)
            {
                dropped[reason] = dropped.GetValueOrDefault(reason) + 1;
                metrics.Dropped(reason);
                continue;
            }
            kept.Add(enricher.Enrich(incoming, facts, salt));
        }
        return new PipelineResult(isBatch, elements.Count, kept, dropped, violations);
    }
}
