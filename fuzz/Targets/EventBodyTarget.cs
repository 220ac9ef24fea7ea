using System.Diagnostics.Metrics;
using System.Net;
using ClickHouse.Driver;
using Icesco.Insights.Collector.Articles;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Fuzz.Targets;

/// <summary>
/// An events request body after decompression: <see cref="EventBodyParser"/> then the whole
/// <see cref="EventPipeline"/> (validate, drop-or-keep, enrich), as <c>POST /api/v1/events</c> runs them.
/// The documented answers are a body violation or a pipeline result; every event of the body must be
/// accounted for exactly once (kept, dropped or rejected).
/// </summary>
public static class EventBodyTarget
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static readonly byte[] Salt = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly RequestFacts Facts = new(IPAddress.Parse("198.51.100.23"), Chrome, "MA");
    private static readonly IOptions<IngestionOptions> Options = Microsoft.Extensions.Options.Options.Create(new IngestionOptions().WithDefaults());
    private static readonly EventPipeline Pipeline = CreatePipeline();

    public static void Run(ReadOnlySpan<byte> input)
    {
        // The parser holds the body as memory (the request's buffer); a copy per input is what a request costs too.
        using var document = EventBodyParser.Parse(input.ToArray(), Options.Value.MaxBatchEvents, out var error);
        if (document is null)
        {
            if (error is null)
            {
                throw new ContractBrokenException("The parser returned neither a document nor a violation.");
            }
            return;
        }

        var result = Pipeline.Process(document.RootElement, Facts, Salt);
        var dropped = result.Dropped.Values.Sum();
        if (result.Kept.Count + dropped + result.RejectedEvents != result.Total)
        {
            throw new ContractBrokenException(
                $"{result.Total} events, but {result.Kept.Count} kept + {dropped} dropped + {result.RejectedEvents} rejected.");
        }
        if (result.RejectedEvents > 0 && result.Violations.Count == 0)
        {
            throw new ContractBrokenException("Events were rejected without a violation naming the rule.");
        }
    }

    private static EventPipeline CreatePipeline()
    {
        // Nothing is flushed: the recorder's client is never called, the metrics go to a private meter factory.
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var unusedClient = new ClickHouseClient("Host=127.0.0.1;Port=9;Protocol=http");
        var recorder = new UnknownArticleRecorder(
            unusedClient, Microsoft.Extensions.Options.Options.Create(new ClickHouseOptions()), Options, TimeProvider.System, NullLogger<UnknownArticleRecorder>.Instance);
        var enricher = new EventEnricher(new ArticleCatalog(TimeProvider.System), recorder, Options, TimeProvider.System);
        return new EventPipeline(enricher, new IngestionMetrics(services.GetRequiredService<IMeterFactory>()), Options);
    }
}
