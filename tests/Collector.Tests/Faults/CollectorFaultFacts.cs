using ClickHouse.Driver;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// The reliability model under real faults, with the Collector and ClickHouse as separate processes:
/// an event that got 202 reaches ClickHouse exactly once, whatever stops in between.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class CollectorFaultFacts(EngineFixture engine) : IDisposable
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("icesco-faults-");

    /// <summary>Per-IP rate limits would throttle a load test from one address; the test lifts them.</summary>
    private static readonly Dictionary<string, string> LoadSettings = new()
    {
        ["Ingestion:RateLimit:PermitLimit"] = "1000000",
        ["DurableLog:RetryBackoffMax"] = "00:00:02",
        ["ClickHouse:Migrations:RetryBackoffMax"] = "00:00:02",
    };

    [Fact]
    public async Task Events_accepted_while_clickhouse_is_down_arrive_exactly_once_after_it_returns()
    {
        var port = CollectorProcess.FreePort();
        var clickHouseData = work.CreateSubdirectory("clickhouse").FullName;
        var database = "f_" + Guid.NewGuid().ToString("N")[..12];
        var clickHouse = await EmbeddedClickHouseProcess.StartAsync(clickHouseData, port);
        try
        {
            await using var collector = await CollectorProcess.StartAsync(clickHouse.ConnectionString, database, work.CreateSubdirectory("log").FullName, LoadSettings);
            var load = new EventLoad();
            using var stop = new CancellationTokenSource();
            var sending = Task.Run(() => load.RunAsync(() => collector.Endpoint, batchSize: 20, stop.Token));

            await WaitForAcceptedAsync(load, 200);
            Assert.Equal(0, await clickHouse.StopAsync());
            var acceptedBeforeOutage = load.Accepted.Count;
            await WaitForAcceptedAsync(load, acceptedBeforeOutage + 500);
            await clickHouse.DisposeAsync();
            clickHouse = await EmbeddedClickHouseProcess.StartAsync(clickHouseData, port);
            await WaitForAcceptedAsync(load, load.Accepted.Count + 200);
            await stop.CancelAsync();
            await sending;

            using var client = new ClickHouseClient(clickHouse.ConnectionString);
            try
            {
                await ExactlyOnce.AssertAsync(client, database, load.Accepted, DrainDeadline);
                new ReliabilityFigure("ClickHouse stopped under load", "the engine process stopped mid-load, then started again", load.Accepted.Count,
                    $"0 lost, 0 doubled of {load.Accepted.Count:N0} accepted ({load.Accepted.Count - acceptedBeforeOutage:N0} while it was down)", "").Record();
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(e.Message + "\nCollector output:\n" + collector.Process.Output[^Math.Min(collector.Process.Output.Length, 6000)..], e);
            }
        }
        finally
        {
            await clickHouse.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_collector_killed_mid_flush_twenty_times_loses_and_doubles_nothing()
    {
        var database = "k_" + Guid.NewGuid().ToString("N")[..12];
        var log = work.CreateSubdirectory("log").FullName;
        var load = new EventLoad();
        var random = new Random(20261126);

        for (var round = 0; round < 20; round++)
        {
            await using var collector = await CollectorProcess.StartAsync(engine.Server.ConnectionString, database, log, LoadSettings);
            using var stop = new CancellationTokenSource();
            var sending = Task.Run(() => load.RunAsync(() => collector.Endpoint, batchSize: 50, stop.Token));
            await WaitForAcceptedAsync(load, load.Accepted.Count + 100);

            // Somewhere inside the flusher's cycle (≤ 1 s): before, during or after an insert.
            await Task.Delay(random.Next(0, 1200));
            await collector.Process.KillAsync(CollectorProcess.Deadline);
            await stop.CancelAsync();
            await sending;
        }

        await using (await CollectorProcess.StartAsync(engine.Server.ConnectionString, database, log, LoadSettings))
        {
            await ExactlyOnce.AssertAsync(engine.Client, database, load.Accepted, DrainDeadline);
        }

        new ReliabilityFigure("SIGKILL from outside at random times", "20 SIGKILLs 0–1.2 s into load (around the flusher's cycle)", 20,
            $"0 lost, 0 doubled of {load.Accepted.Count:N0} accepted", "").Record();
    }

    [Fact]
    public async Task A_collector_started_before_clickhouse_accepts_at_once_and_delivers_once_clickhouse_is_up()
    {
        var port = CollectorProcess.FreePort();
        var database = "s_" + Guid.NewGuid().ToString("N")[..12];
        await using var collector = await CollectorProcess.StartAsync(
            $"Host=127.0.0.1;Port={port}", database, work.CreateSubdirectory("log").FullName, LoadSettings);
        var load = new EventLoad();
        using (var stop = new CancellationTokenSource())
        {
            var sending = Task.Run(() => load.RunAsync(() => collector.Endpoint, batchSize: 20, stop.Token));
            await WaitForAcceptedAsync(load, 300);
            await stop.CancelAsync();
            await sending;
        }

        using (var http = new HttpClient())
        {
            var health = await http.GetStringAsync(new Uri(collector.Endpoint, "health"));
            Assert.Contains("schema not yet migrated", health, StringComparison.Ordinal);
        }

        await using var clickHouse = await EmbeddedClickHouseProcess.StartAsync(work.CreateSubdirectory("clickhouse").FullName, port);
        using var client = new ClickHouseClient(clickHouse.ConnectionString);
        await ExactlyOnce.AssertAsync(client, database, load.Accepted, DrainDeadline);
    }

    public void Dispose() => work.Delete(recursive: true);

    private static Task<int> WaitForAcceptedAsync(EventLoad load, int count)
        => Eventually.UntilAsync(() => Task.FromResult(load.Accepted.Count), n => n >= count, CollectorProcess.Deadline, $"{count} accepted events");
}
