using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// ClickHouse slow, then gone, then back, through <see cref="ChaosProxy"/> between the Collector (a process of its
/// own) and the shared engine: single events are answered from the durable log throughout, readiness follows the
/// backlog while liveness stays up, and every event answered 202 is stored exactly once after the return.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SlowClickHouseFacts(EngineFixture engine) : IDisposable
{
    private const string Area = "Slow and failing ClickHouse";
    private const long ReadinessThreshold = 200;
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(3);

    // Five seconds each way, a ten-second round trip: two of them fit in the slow phase.
    private static readonly TimeSpan SlowPhase = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PassPhase = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DroppedPhase = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("icesco-proxy-");

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Ingestion:RateLimit:PermitLimit"] = "1000000",
        ["DurableLog:BacklogReadinessThreshold"] = ReadinessThreshold.ToString(CultureInfo.InvariantCulture),

        // Short enough that the pass phase's backlog stays well under the threshold at ~200 events/s.
        ["DurableLog:FlushInterval"] = "00:00:00.250",
        ["DurableLog:RetryBackoffMax"] = "00:00:02",
        ["ClickHouse:Migrations:RetryBackoffMax"] = "00:00:02",
    };

    [Fact]
    public async Task Single_events_are_answered_from_the_log_while_clickhouse_is_slow_then_gone_and_arrive_exactly_once_after()
    {
        await using var proxy = new ChaosProxy(engine.Server.Endpoint.Port);
        var database = "p_" + Guid.NewGuid().ToString("N")[..12];
        await using var collector = await CollectorProcess.StartAsync(
            $"Host=127.0.0.1;Port={proxy.Port};Protocol=http;Username=default", database, work.CreateSubdirectory("log").FullName, Settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.UntilAsync(() => ProbeAsync(http, collector, "health"), p => p.Body.Contains("schema current", StringComparison.Ordinal), CollectorProcess.Deadline, "schema migrated through the proxy");

        var load = new BeaconLoad();
        var probes = new ConcurrentQueue<(string Phase, Probe Health, Probe Alive)>();
        using var stop = new CancellationTokenSource();
        var sending = load.RunAsync(collector.Endpoint, senders: 4, pause: TimeSpan.FromMilliseconds(20), stop.Token);
        var probing = ProbeUntilAsync(http, collector, load, probes, stop.Token);

        // The first requests pay for JIT compilation in the Collector: counted apart, left out of the figure.
        load.Phase = "warm-up";
        await Task.Delay(PassPhase);
        load.Phase = "pass";
        await Task.Delay(PassPhase);

        load.Phase = "slow";
        proxy.Delay(Latency);
        await Task.Delay(SlowPhase);

        load.Phase = "dropped";
        proxy.Drop();
        await Task.Delay(DroppedPhase);
        await Eventually.UntilAsync(() => Task.FromResult(probes.Count(p => p.Phase == "dropped" && p.Health.Status == 503)), n => n > 0, CollectorProcess.Deadline, "readiness 503 while ClickHouse is gone");

        load.Phase = "returned";
        proxy.Pass();
        await Eventually.UntilAsync(() => Task.FromResult(probes.LastOrDefault()), p => p.Phase == "returned" && p.Health.Status == 200, DrainDeadline, "readiness 200 again once the backlog drained");
        await Task.Delay(PassPhase);
        await stop.CancelAsync();
        await sending;
        await probing;

        try
        {
            await ExactlyOnce.AssertAsync(engine.Client, database, load.Accepted, DrainDeadline);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nCollector output:\n" + collector.Process.Output[^Math.Min(collector.Process.Output.Length, 6000)..], e);
        }

        var drained = await ProbeAsync(http, collector, "health");
        Assert.Equal(200, drained.Status);
        Assert.All(probes, p => Assert.Equal(200, p.Alive.Status));
        var outage = probes.First(p => p.Phase == "dropped" && p.Health.Status == 503).Health;
        var durableLog = JsonDocument.Parse(outage.Body).RootElement.GetProperty("checks").GetProperty("durable-log");
        Assert.Equal("Unhealthy", durableLog.GetProperty("status").GetString());
        Assert.Contains("not yet in ClickHouse", durableLog.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, load.Refused);
        Assert.True(proxy.Resets > 0, "the proxy reset no connection: the Collector never noticed ClickHouse gone");

        // The flusher met the outage and came through it by retrying, the same batch with the same tokens.
        var output = collector.Process.Output;
        var failedAttempts = Occurrences(output, "to ClickHouse failed (attempt");
        Assert.True(failedAttempts > 0, "no insert failed while ClickHouse was gone");
        Assert.Contains("reached ClickHouse after", output, StringComparison.Ordinal);
        var peakBacklog = probes.Max(p => Backlog(p.Health.Body));

        string[] phases = ["pass", "slow", "dropped", "returned"];
        var p99 = phases.ToDictionary(p => p, p => load.Percentile(p, 99));

        // Not a timing assert: a bound no 202 could meet if it waited for ClickHouse (a round trip of twice five seconds),
        // and wide enough for a shared machine under load (p99s of 0.6 s were seen at a load average of 25 on 2 cores).
        Assert.All(p99, p => Assert.True(p.Value < Latency.TotalMilliseconds / 2, $"p99 of single events while {p.Key}: {p.Value:F1} ms"));

        var unready = probes.Where(p => p.Health.Status == 503).Select(p => p.Phase).Distinct();
        new ReliabilityFigure(
            Area,
            "single-event POSTs through 5 s latency, dropped connections and the return; readiness threshold 200",
            load.Accepted.Count,
            $"0 lost, 0 doubled of {load.Accepted.Count:N0} accepted; /alive 200 throughout, /health 503 while {string.Join(", ", unready)} (peak backlog {peakBacklog:N0}); {failedAttempts} failed inserts retried",
            "p99 single events: " + string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Label(p)} {p99[p]:F1} ms")))
                + $" (load average {LoadAverage()} on {Environment.ProcessorCount} cores)").Record();
    }

    public void Dispose() => work.Delete(recursive: true);

    private static string Label(string phase) => phase switch
    {
        "slow" => "5 s latency",
        _ => phase,
    };

    private sealed record Probe(int Status, string Body);

    /// <summary>The one-minute load average: a p99 means little without how busy the machine was.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The durable-log check's "N events not yet in ClickHouse", from a /health body.</summary>
    private static long Backlog(string health)
    {
        var description = JsonDocument.Parse(health).RootElement.GetProperty("checks").GetProperty("durable-log").GetProperty("description").GetString() ?? "";
        return long.Parse(description[..description.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static async Task<Probe> ProbeAsync(HttpClient http, CollectorProcess collector, string path)
    {
        using var response = await http.GetAsync(new Uri(collector.Endpoint, path));
        return new Probe((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Readiness and liveness four times a second, each sample under the load's phase at the time.</summary>
    private static async Task ProbeUntilAsync(HttpClient http, CollectorProcess collector, BeaconLoad load, ConcurrentQueue<(string, Probe, Probe)> probes, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var phase = load.Phase;
            probes.Enqueue((phase, await ProbeAsync(http, collector, "health"), await ProbeAsync(http, collector, "alive")));
            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
    }
}
