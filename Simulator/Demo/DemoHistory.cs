using System.Diagnostics;
using System.Globalization;
using Icesco.Insights.Simulator.Data;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Demo;

/// <summary>
/// Fills the Collector with weeks of realistic history through its public API: registers the real
/// ICESCO articles, then posts the model's events, one browser per request, in batches.
/// </summary>
public static class DemoHistory
{
    /// <summary>Registers the articles and posts the history to the Collector at <paramref name="collector"/>; then, with <see cref="DemoOptions.LiveRate"/>, trickles live events until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<DemoResult> RunAsync(
        Uri collector, string articlesApiKey, DemoOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(100) };
        return await RunAsync(new CollectorClient(http, options.CountryHeader), articlesApiKey, options, progress, TimeProvider.System, cancellationToken);
    }

    /// <summary>The same over a given client and clock (tests pass a test server's client).</summary>
    public static async Task<DemoResult> RunAsync(
        CollectorClient client, string articlesApiKey, DemoOptions options, IProgress<string> progress, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articlesApiKey);
        options.Validate();
        var data = IcescoData.Load(DataLocator.Find(options.DataDirectory));
        var end = options.End ?? time.GetUtcNow();
        var model = Model(data, options, end);

        client.Notices ??= progress;
        var clock = Stopwatch.StartNew();
        await client.RegisterArticlesAsync(data.Articles, articlesApiKey, cancellationToken);
        progress.Report($"registered {data.Articles.Count} articles ({data.Stories.Count} stories × ar/en/fr)");

        var start = end - TimeSpan.FromDays(7 * options.Weeks);
        var events = Generate(model, start, end, options.DailyViews, options.Seed);
        var result = await PostAsync(client, events, options, progress, cancellationToken);
        result = result with { Articles = data.Articles.Count, Elapsed = clock.Elapsed, From = start, To = end };
        progress.Report(string.Create(CultureInfo.InvariantCulture,
            $"history done: {result.Accepted:N0} accepted, {result.Duplicates:N0} duplicates, {result.Dropped:N0} dropped, {result.Rejected:N0} rejected in {result.Elapsed.TotalSeconds:F1} s"));

        if (options.LiveRate > 0)
        {
            await new LiveTrickle(model, client, options.LiveRate, time, options.Seed).RunAsync(progress, cancellationToken);
        }
        return result;
    }

    /// <summary>The model for a history ending at <paramref name="end"/>.</summary>
    public static TrafficModel Model(IcescoData data, DemoOptions options, DateTimeOffset end) =>
        new(data, options.Seed, options.Visitors, end - TimeSpan.FromDays(7 * options.Weeks), end);

    /// <summary>Every event of [<paramref name="start"/>, <paramref name="end"/>), hour by hour, in time order. Pure: same inputs, same events.</summary>
    public static List<SimEvent> Generate(TrafficModel model, DateTimeOffset start, DateTimeOffset end, double dailyViews, int seed)
    {
        // A generator of its own, apart from the model's: the events do not depend on how the model was drawn.
        var random = new Random(unchecked(seed * 7919 + 17));
        var events = new List<SimEvent>((int)Math.Min(int.MaxValue / 2, dailyViews * (end - start).TotalDays * 1.05));
        for (var hour = start; hour < end; hour += TimeSpan.FromHours(1))
        {
            var until = hour + TimeSpan.FromHours(1) < end ? hour + TimeSpan.FromHours(1) : end;
            var expected = dailyViews / 24 * Rhythm.Weight(hour) * ((until - hour) / TimeSpan.FromHours(1));
            events.AddRange(model.Events(hour, until, expected, random));
        }
        return events;
    }

    /// <summary>One request per browser and batch: what the site's visitors would have sent.</summary>
    public static IEnumerable<(Visitor Visitor, SimEvent[] Events)> Batches(IEnumerable<SimEvent> events, int batch) =>
        events.GroupBy(e => e.Visitor.Number).OrderBy(g => g.Key)
            .SelectMany(g => g.Chunk(batch).Select(chunk => (g.First().Visitor, chunk)));

    private static async Task<DemoResult> PostAsync(
        CollectorClient client, List<SimEvent> events, DemoOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        int posted = 0, accepted = 0, duplicates = 0, dropped = 0, rejected = 0;
        var clock = Stopwatch.StartNew();
        void Report(string what) => progress.Report(string.Create(CultureInfo.InvariantCulture,
            $"{what} {posted:N0}/{events.Count:N0} events ({100.0 * posted / Math.Max(1, events.Count):F0} %), {posted / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} events/s"));

        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(options.ProgressInterval);
            while (await timer.WaitForNextTickAsync(reporting.Token).ConfigureAwait(false))
            {
                Report("history");
            }
        }, CancellationToken.None);

        try
        {
            await Parallel.ForEachAsync(Batches(events, options.Batch),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    var outcome = await client.PostWithRetryAsync(batch.Visitor, batch.Events, ct);
                    Interlocked.Add(ref posted, batch.Events.Length);
                    Interlocked.Add(ref accepted, outcome.Accepted);
                    Interlocked.Add(ref duplicates, outcome.Duplicates);
                    Interlocked.Add(ref dropped, outcome.Dropped);
                    Interlocked.Add(ref rejected, outcome.Rejected);
                });
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter.ContinueWith(_ => { }, TaskScheduler.Default); // the reporter ends by cancellation, by design
        }
        Report("history");
        return new DemoResult(0, events.Count, accepted, duplicates, dropped, rejected, clock.Elapsed, default, default);
    }
}
