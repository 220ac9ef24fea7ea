using System.Globalization;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// 50 SIGKILLs, each at a named point of the write path (<see cref="CrashPoints"/>: after an append's write, after its
/// fsync, after a batch's intent, after its insert, mid-checkpoint), reached under load, then SIGTERM under load:
/// every event answered 202 is in ClickHouse exactly once.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class CrashPointFacts(EngineFixture engine) : IDisposable
{
    private const int Kills = 50;
    private static readonly TimeSpan RoundDeadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("icesco-crash-points-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task Fifty_kills_at_append_fsync_flush_and_checkpoint_then_a_sigterm_under_load_lose_and_double_nothing()
    {
        var database = "x_" + Guid.NewGuid().ToString("N")[..12];
        var log = work.CreateSubdirectory("log").FullName;
        var load = new EventLoad();
        var random = new Random(20261207);
        var reached = CrashPoints.All.ToDictionary(p => p, _ => 0);

        for (var round = 0; round < Kills; round++)
        {
            var point = CrashPoints.All[round % CrashPoints.All.Count];
            // Appends happen per request; a batch is begun and inserted once per flush; the checkpoint is written twice per flush.
            var nth = point is CrashPoints.AppendWritten or CrashPoints.FsyncDone ? random.Next(1, 300) : random.Next(1, 6);
            var settings = Settings(new() { [CrashPoints.Variable] = string.Create(CultureInfo.InvariantCulture, $"{point}:{nth}") });
            var collector = await CollectorProcess.StartUnlessCrashedAsync(engine.Server.ConnectionString, database, log, settings);
            if (collector is not null)
            {
                await using (collector)
                {
                    await LoadUntilExitAsync(collector, load, random.Next(1, 40));
                    Assert.True(collector.Process.Output.Contains($"crash point {point} reached", StringComparison.Ordinal),
                        $"round {round}: the Collector exited, but not at {point}:\n{collector.Process.Output[^Math.Min(4000, collector.Process.Output.Length)..]}");
                }
            }
            reached[point]++;
        }

        // SIGTERM while requests are in flight: the Collector stops accepting, answers or refuses each, flushes what it can.
        await using (var collector = await CollectorProcess.StartAsync(engine.Server.ConnectionString, database, log, Settings()))
        {
            using var stop = new CancellationTokenSource();
            var sending = Enumerable.Range(0, 3).Select(_ => Task.Run(() => load.RunAsync(() => collector.Endpoint, batchSize: 20, stop.Token))).ToList();
            var before = load.Accepted.Count;
            await Eventually.UntilAsync(() => Task.FromResult(load.Accepted.Count), n => n >= before + 400, CollectorProcess.Deadline, "load before SIGTERM");
            Assert.Equal(0, await collector.Process.StopAsync(CollectorProcess.Deadline));
            await stop.CancelAsync();
            await Task.WhenAll(sending);
        }

        await using (await CollectorProcess.StartAsync(engine.Server.ConnectionString, database, log, Settings()))
        {
            await ExactlyOnce.AssertAsync(engine.Client, database, load.Accepted, TimeSpan.FromMinutes(3));
        }

        new ReliabilityFigure("SIGKILL at named points, SIGTERM under load",
            $"{Kills} SIGKILLs under load ({string.Join(", ", reached.Select(r => $"{r.Key} {r.Value}"))}), then SIGTERM under load", Kills + 1,
            $"0 lost, 0 doubled of {load.Accepted.Count:N0} accepted", "").Record();
    }

    /// <summary>Two senders of batches of <paramref name="batchSize"/> until the Collector kills itself (their requests then fail).</summary>
    private static async Task LoadUntilExitAsync(CollectorProcess collector, EventLoad load, int batchSize)
    {
        using var stop = new CancellationTokenSource(RoundDeadline);
        var sending = new[] { batchSize, 1 }.Select(size => Task.Run(() => load.RunAsync(() => collector.Endpoint, size, stop.Token))).ToList();
        var exit = collector.Process.WaitForExitAsync(RoundDeadline);
        await exit;
        await stop.CancelAsync();
        await Task.WhenAll(sending);
    }

    private static Dictionary<string, string> Settings(Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Ingestion:RateLimit:PermitLimit"] = "1000000",
            ["DurableLog:FlushInterval"] = "00:00:00.200",
            ["DurableLog:RetryBackoffMax"] = "00:00:02",
            ["ClickHouse:Migrations:RetryBackoffMax"] = "00:00:02",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }
}
