using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using ClickHouse.Driver;
using Icesco.Insights.Collector.Articles;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;
using Icesco.Insights.Simulator.Data;
using Icesco.Insights.Simulator.Demo;
using Icesco.Insights.Simulator.Traffic;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Bench;

/// <summary>
/// Realistic events as the Collector stores them: the Simulator's traffic model over the real ICESCO articles and
/// member states (the generator of the demo history, hour by hour from <c>start</c>), each event put through the
/// Collector's own ingestion pipeline as if its browser had posted it — parse, validate, drop rules, enrichment
/// (article metadata from the catalogue, visitor hash under a daily salt, device from the user agent, language,
/// referrer host, scrubbed comment) — with the Collector's clock set to the moment the event arrives.
/// </summary>
internal sealed class CollectorEventSource : IDisposable
{
    private readonly TrafficModel model;
    private readonly DateTimeOffset start;
    private readonly double dailyViews;
    private readonly int seed;
    private readonly ArrivalClock clock = new();
    private readonly UnknownArticleRecorder unknownArticles;
    private readonly EventPipeline pipeline;
    private readonly Random delays;
    private readonly Dictionary<DateOnly, byte[]> salts = [];

    public CollectorEventSource(
        ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, IMeterFactory meters,
        DateTimeOffset start, DateTimeOffset end, double dailyViews, int visitors, int seed)
    {
        var data = IcescoData.Load(DataLocator.Find());
        model = new TrafficModel(data, seed, visitors, start, end);
        (this.start, this.dailyViews, this.seed) = (start, dailyViews, seed);
        delays = new Random(seed);

        var ingestion = Options.Create(new IngestionOptions { CountryHeader = "CF-IPCountry" }.WithDefaults());
        var catalog = new ArticleCatalog(clock);
        // As the Simulator registers them through the articles API (ArticlesApi upserts the same records).
        catalog.Upsert(data.Articles.Select(a => new ArticleInfo(a.Id, a.Url, a.Language, a.Topic, a.MemberStates)));
        unknownArticles = new UnknownArticleRecorder(client, clickHouse, ingestion, clock, NullLogger<UnknownArticleRecorder>.Instance);
        pipeline = new EventPipeline(new EventEnricher(catalog, unknownArticles, ingestion, clock), new IngestionMetrics(meters), ingestion);
        Articles = data.Articles.Count;
        Stories = data.Stories.Count;
    }

    public int Articles { get; }

    public int Stories { get; }

    /// <summary>Events the pipeline did not keep (dropped or invalid); a realistic source has none.</summary>
    public long NotKept { get; private set; }

    /// <summary>The stored events in arrival order, without end.</summary>
    public IEnumerable<CollectedEvent> Events()
    {
        for (var hour = 0; ; hour++)
        {
            var from = start + TimeSpan.FromHours(hour);
            // One seed per hour: the demo's generator, drawn hour by hour so memory stays flat at any rate.
            foreach (var simulated in DemoHistory.Generate(model, from, from + TimeSpan.FromHours(1), dailyViews, unchecked(seed + hour)))
            {
                var kept = Ingest(simulated);
                if (kept is null)
                {
                    NotKept++;
                    continue;
                }
                yield return kept;
            }
        }
    }

    public void Dispose() => unknownArticles.Dispose();

    private CollectedEvent? Ingest(SimEvent simulated)
    {
        // The snippet posts as the page loads; the request reaches the Collector tens to hundreds of ms later.
        clock.Now = simulated.Timestamp + TimeSpan.FromMilliseconds(20 + delays.Next(480));
        using var body = EventBodyParser.Parse(SimEvent.Batch([simulated]), 1000, out var error)
            ?? throw new InvalidOperationException($"the simulated event does not parse: {error}");
        var visitor = simulated.Visitor;
        var result = pipeline.Process(body.RootElement, new RequestFacts(visitor.Address, visitor.UserAgent, visitor.Country), SaltOf(clock.Now));
        return result.Kept.Count == 1 ? result.Kept[0] : null;
    }

    // The shared salt of each UTC day (DailySaltStore): 32 random bytes, here drawn from the seed.
    private byte[] SaltOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (!salts.TryGetValue(day, out var salt))
        {
            salt = SHA256.HashData(BitConverter.GetBytes(day.DayNumber + seed * 1_000_003L));
            salts[day] = salt;
        }
        return salt;
    }

    /// <summary>The Collector's clock: the arrival time of the event being ingested.</summary>
    private sealed class ArrivalClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
