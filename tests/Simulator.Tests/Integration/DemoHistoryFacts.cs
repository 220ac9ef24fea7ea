using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Collector;
using Icesco.Insights.Simulator.Demo;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Load;
using Icesco.Insights.Simulator.Traffic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Icesco.Insights.Simulator.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class DemoHistoryFacts(EngineFixture engine) : IDisposable
{
    private const string Key = "simulator-test-key";
    private readonly CollectorApp app = new(engine);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_small_history_arrives_in_clickhouse_through_the_public_api_with_contacts_scrubbed()
    {
        var options = new DemoOptions { Weeks = 1, DailyViews = 400, Visitors = 40, Seed = 3, End = DateTimeOffset.UtcNow };
        var lines = new List<string>();
        var result = await DemoHistory.RunAsync(new CollectorClient(app.CreateClient()), Key, options, new Collect(lines), TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, result.Rejected);
        Assert.Equal(0, result.Dropped);
        Assert.Equal(result.Events, result.Accepted);
        Assert.Equal((options.End.Value.AddDays(-7), options.End.Value), (result.From, result.To));
        Assert.Contains(lines, l => l.StartsWith("history ", StringComparison.Ordinal) && l.Contains("events/s", StringComparison.Ordinal));

        var db = app.Database;
        var stored = await UntilAsync(
            async () => Count(await engine.Client.ExecuteScalarAsync($"SELECT (SELECT count() FROM {db}.page_views) + (SELECT count() FROM {db}.feedback)")),
            n => n >= result.Accepted);
        Assert.Equal(result.Accepted, stored);

        var unknownTopics = Count(await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {db}.page_views WHERE topic = 'unknown' OR country = ''"));
        Assert.Equal(0, unknownTopics);
        var leaked = Count(await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {db}.feedback WHERE position(comment, '@') > 0 OR match(comment, '[0-9]{{4}}')"));
        Assert.Equal(0, leaked);
        var scrubbed = Count(await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {db}.feedback WHERE position(comment, '[email]') > 0 OR position(comment, '[phone]') > 0"));
        Assert.True(scrubbed > 0, "some stored comments show where a contact was scrubbed");
    }

    [Fact]
    public async Task The_live_trickle_posts_events_stamped_now_until_cancelled()
    {
        var client = new CollectorClient(app.CreateClient());
        var options = new DemoOptions { Visitors = 20 };
        var started = DateTimeOffset.UtcNow;
        await client.RegisterArticlesAsync(RealData.Data.Articles, Key, CancellationToken.None);
        // The trickle follows the readers' hour; the rate is scaled by the same instant's weight so that a
        // night-time run expects as many events as a midday one.
        var rate = 40 / Rhythm.Weight(started);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var lines = new List<string>();
        await new LiveTrickle(DemoHistory.Model(RealData.Data, options, started), client, rate, TimeProvider.System, seed: 9).RunAsync(new Collect(lines), stop.Token);

        var stopped = Assert.Single(lines, l => l.StartsWith("live: stopped after", StringComparison.Ordinal));
        var sent = long.Parse(stopped["live: stopped after ".Length..].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(sent > 20, $"the trickle sent {sent} events in 3 s at {rate:0} events/s");
        var since = started.AddSeconds(-1).ToUnixTimeMilliseconds();
        var stored = await UntilAsync(
            async () => Count(await engine.Client.ExecuteScalarAsync(
                $"SELECT (SELECT count() FROM {app.Database}.page_views WHERE event_time >= fromUnixTimestamp64Milli({since})) + (SELECT count() FROM {app.Database}.feedback WHERE event_time >= fromUnixTimestamp64Milli({since}))")),
            n => n >= sent);
        // A post cut by the stop may still have been accepted, so the store may hold a few more than were counted.
        Assert.True(stored >= sent, $"{stored} of {sent} live events stored with a timestamp after the start");
    }

    [Fact]
    public async Task The_load_generator_reports_rate_latency_and_no_errors_against_a_healthy_collector()
    {
        var options = new LoadOptions { Rate = 400, Batch = 20, Duration = TimeSpan.FromSeconds(2), Concurrency = 8, Visitors = 50 };
        var model = DemoHistory.Model(RealData.Data, new DemoOptions(), DateTimeOffset.UtcNow);
        var report = await new LoadGenerator(model, new CollectorClient(app.CreateClient()), options, TimeProvider.System)
            .RunAsync(new Collect([]), CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal(40, report.Requests + report.Skipped);
        Assert.Equal(report.EventsSent, report.EventsAccepted);
        Assert.True(report.P50 > TimeSpan.Zero && report.P50 <= report.P95 && report.P95 <= report.P99);
        Assert.InRange(report.AcceptedPerSecond, 100, 800);
    }

    private static long Count(object? scalar) => Convert.ToInt64(scalar, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return value;
            }
            await Task.Delay(200);
        }
    }

    private sealed class Collect(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }

    /// <summary>The Collector in process over the embedded engine, with the articles key, the country header and a database of its own.</summary>
    private sealed class CollectorApp(EngineFixture engine) : WebApplicationFactory<CollectorService>
    {
        private readonly DirectoryInfo log = Directory.CreateTempSubdirectory("icesco-simulator-log-");

        public string Database { get; } = "s_" + Guid.NewGuid().ToString("N")[..12];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
                ["ClickHouse:Database"] = Database,
                ["ClickHouse:Migrations:BlockStartup"] = "true",
                ["DurableLog:Directory"] = log.FullName,
                ["Articles:ApiKeys:0:Name"] = "simulator",
                ["Articles:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
                ["Ingestion:CountryHeader"] = CollectorClient.DefaultCountryHeader,
            }));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && log.Exists)
            {
                log.Delete(recursive: true);
            }
        }
    }
}
