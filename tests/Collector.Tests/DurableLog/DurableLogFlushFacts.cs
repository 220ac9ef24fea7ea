using System.Net;
using System.Text.Json;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>The write path end to end over the embedded engine: accepted events reach ClickHouse once, whatever fails in between.</summary>
[Collection(EngineCollection.Name)]
public sealed class DurableLogFlushFacts(EngineFixture engine) : IDisposable
{
    private readonly DirectoryInfo logDirectory = Directory.CreateTempSubdirectory("icesco-flush-log-");
    private readonly string database = "d_" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => logDirectory.Delete(recursive: true);

    [Fact]
    public async Task Accepted_page_views_and_feedback_reach_their_tables()
    {
        using var app = App();
        var site = TestEvents.RandomSite();
        var events = new List<CollectedEvent>(TestEvents.PageViews(50, site)) { TestEvents.Feedback(site), TestEvents.Feedback(site, rating: 2) };

        var result = await app.Services.GetRequiredService<IEventSink>().AcceptAsync(events, CancellationToken.None);

        Assert.Equal(52, result.Stored);
        await Eventually.UntilAsync(() => CountAsync("page_views", site), n => n == 50, what: "page views in ClickHouse");
        await Eventually.UntilAsync(() => CountAsync("feedback", site), n => n == 2, what: "feedback in ClickHouse");
        await Eventually.UntilAsync(() => Task.FromResult(app.Services.GetRequiredService<WriteAheadLog>().Backlog), b => b == 0, what: "an empty backlog");
    }

    [Fact]
    public async Task A_batch_sent_again_after_its_answer_was_lost_is_counted_once_in_raw_events_and_rollups()
    {
        var site = TestEvents.RandomSite();
        long batchEnd;
        using (var first = App())
        {
            await first.Services.GetRequiredService<IEventSink>().AcceptAsync(TestEvents.PageViews(30, site), CancellationToken.None);
            var log = first.Services.GetRequiredService<WriteAheadLog>();
            await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the batch flushed");
            batchEnd = log.Committed.Offset;
        }

        // As if the process died after ClickHouse stored the batch but before the checkpoint moved:
        // the intent to send [0, end) is all that is on disk.
        await PendingCheckpoint.SetAsync(logDirectory.FullName, 0, batchEnd);

        using (var second = App())
        {
            var log = second.Services.GetRequiredService<WriteAheadLog>();
            Assert.Equal(30, log.Backlog);
            await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the pending batch sent again");
        }

        Assert.Equal(30UL, await CountAsync("page_views", site));
        Assert.Equal(30UL, await ScalarAsync($"SELECT sum(views) FROM {database}.engagement_by_topic_1m WHERE site = '{site}'"));
    }

    [Fact]
    public async Task Events_accepted_while_clickhouse_is_unreachable_stay_in_the_log_turn_readiness_red_and_arrive_once_after_a_restart()
    {
        var site = TestEvents.RandomSite();
        var events = TestEvents.PageViews(25, site);
        using (var down = App(new()
        {
            ["ClickHouse:ConnectionString"] = "Host=127.0.0.1;Port=1;Protocol=http",
            ["ClickHouse:Migrations:ApplyOnStart"] = "false",
            ["DurableLog:BacklogReadinessThreshold"] = "10",
            ["DurableLog:RetryBackoffMax"] = "00:00:00.500",
        }))
        {
            var result = await down.Services.GetRequiredService<IEventSink>().AcceptAsync(events, CancellationToken.None);
            Assert.Equal(25, result.Stored);

            using var client = down.CreateClient();
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var report = JsonSerializer.Deserialize<JsonElement>(await health.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty(DurableLogHealthCheck.Name).GetProperty("status").GetString());
            Assert.Equal(25, down.Services.GetRequiredService<WriteAheadLog>().Backlog);
        }

        Assert.Equal(25, SegmentFile.Records(logDirectory.FullName).Count);
        using var up = App();
        await Eventually.UntilAsync(() => Task.FromResult(up.Services.GetRequiredService<WriteAheadLog>().Backlog), b => b == 0, what: "the backlog drained");
        Assert.Equal(25UL, await CountAsync("page_views", site));
        Assert.Equal(25UL, await ScalarAsync($"SELECT uniqExact(event_id) FROM {database}.page_views WHERE site = '{site}'"));

        using var upClient = up.CreateClient();
        using var upHealth = await upClient.GetAsync(new Uri("/health", UriKind.Relative));
        var upReport = JsonSerializer.Deserialize<JsonElement>(await upHealth.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", upReport.GetProperty("checks").GetProperty(DurableLogHealthCheck.Name).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_graceful_shutdown_sends_what_is_in_the_log_before_the_flush_interval_comes()
    {
        var site = TestEvents.RandomSite();
        using (var app = App(new() { ["DurableLog:FlushInterval"] = "00:00:01" }))
        {
            // Resolving a service starts the host, which migrates the schema before it returns.
            await app.Services.GetRequiredService<IEventSink>().AcceptAsync(TestEvents.PageViews(10, site), CancellationToken.None);
        }

        Assert.Equal(10UL, await CountAsync("page_views", site));
    }

    /// <summary>A Collector over this test's database and log directory, which outlive it (a restart reuses them).</summary>
    private CollectorApp App(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ClickHouse:Database"] = database,
            ["DurableLog:Directory"] = logDirectory.FullName,
            ["DurableLog:FlushInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new CollectorApp(engine, all);
    }

    private Task<ulong> CountAsync(string table, string site) => ScalarAsync($"SELECT count() FROM {database}.{table} WHERE site = '{site}'");

    private async Task<ulong> ScalarAsync(string sql)
    {
        try
        {
            return Convert.ToUInt64(await engine.Client.ExecuteScalarAsync(sql), null);
        }
        catch (ClickHouse.Driver.ClickHouseServerException)
        {
            return 0; // the table may not exist until the app's migration ran
        }
    }
}
