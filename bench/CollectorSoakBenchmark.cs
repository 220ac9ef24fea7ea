using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>
/// A soak of the whole write path: single-event POSTs (as the site's sendBeacon sends them) paced at a steady rate
/// through the Collector as shipped (Production, its durable log fsync'd on disk) into the embedded engine, each in
/// its own process. Every sample it records both processes' resident memory, the engine's active parts per table,
/// the log directory's size and the Collector's backlog; at the end it checks that every event answered 202 is
/// stored once. Goals: resident memory within ±10 % after warm-up, parts and log disk not growing, 0 lost.
/// Writes reliability-soak.csv and .png to docs/ (or --out DIR), a markdown table to stdout, and a reliability figure;
/// exits 1 when a goal is missed. Goals as computed: docs/decisions/0029-collector-soak-goals.md.
/// dotnet run -c Release --project bench -- collector-soak [--minutes 60] [--rate 1000] [--sample-seconds 60]
/// [--warmup-minutes 5] [--out DIR].
/// </summary>
internal static class CollectorSoakBenchmark
{
    private const string Database = "soak";
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = Option(args, "--minutes", 60.0);
        var rate = Option(args, "--rate", 1000.0);
        var sampleSeconds = Option(args, "--sample-seconds", 60.0);
        var warmupMinutes = Math.Min(Option(args, "--warmup-minutes", 5.0), minutes / 4);
        var root = RepositoryRoot();
        var outputIndex = Array.IndexOf(args, "--out");
        var output = outputIndex >= 0 ? Path.GetFullPath(args[outputIndex + 1]) : Path.Combine(root, "docs");

        // On the repository's disk, not a tmpfs: the log's fsync is part of what a 202 costs.
        var work = Directory.CreateDirectory(Path.Combine(Environment.GetEnvironmentVariable("BENCH_WORK") ?? "/var/tmp", "icesco-collector-soak-" + Guid.NewGuid().ToString("N")[..8]));
        Console.Error.WriteLine($"collector-soak: {minutes} min at {rate} events/s, work in {work.FullName}");
        var chPort = FreePort();
        var engine = SoakService.Start("engine", work, Path.Combine(root, "EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll"),
            ["--path", Path.Combine(work.FullName, "ch"), "--port", chPort.ToString(CultureInfo.InvariantCulture)], []);
        try
        {
            using var client = new ClickHouseClient($"Host=127.0.0.1;Port={chPort};Protocol=http");
            await UntilAsync(async () => { await client.ExecuteScalarAsync("SELECT 1", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-soak-ready")); return true; }, TimeSpan.FromMinutes(2), "the engine answers");

            var collectorPort = FreePort();
            var logDirectory = Path.Combine(work.FullName, "log");
            using var collector = SoakService.Start("collector", work, Path.Combine(root, "Collector/bin/Release/net10.0/Icesco.Insights.Collector.dll"), [], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ClickHouse__ConnectionString"] = $"Host=127.0.0.1;Port={chPort};Protocol=http",
                ["ClickHouse__Database"] = Database,
                ["DurableLog__Directory"] = logDirectory,
                ["Ingestion__RateLimit__PermitLimit"] = "1000000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{collectorPort}",
            });
            var collectorUri = new Uri($"http://127.0.0.1:{collectorPort}/");
            using var probe = new HttpClient { BaseAddress = collectorUri, Timeout = TimeSpan.FromSeconds(30) };
            await UntilAsync(async () => (await probe.GetAsync("health")).IsSuccessStatusCode, TimeSpan.FromMinutes(2), "the Collector is ready");

            var load = new BeaconLoad(collectorUri, rate, (long)(minutes * 60 * rate * 1.05) + 10_000);
            var samples = new List<SoakSample>();
            var clock = Stopwatch.StartNew();
            var running = load.RunAsync(TimeSpan.FromMinutes(minutes));
            for (var next = 0.0; ; next += sampleSeconds)
            {
                var wait = TimeSpan.FromSeconds(next) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var sample = await SampleAsync(clock.Elapsed.TotalMinutes, collector, engine, client, probe, logDirectory, load);
                samples.Add(sample);
                Console.Error.WriteLine(sample.Progress());
                if (next + sampleSeconds > (minutes * 60) + 0.5)
                {
                    break;
                }
            }

            var loadTime = await running;
            var drained = await UntilAsync(async () => (await MetricsAsync(probe)).Backlog == 0, DrainDeadline, "the backlog is sent");
            var check = await SoakDelivery.ReadBackAsync(client, Database, load);
            var after = await SampleAsync(clock.Elapsed.TotalMinutes, collector, engine, client, probe, logDirectory, load);
            Console.Error.WriteLine("after drain: " + after.Progress());

            var result = CollectorSoakReport.Judge(samples, warmupMinutes, minutes, load, check, loadTime, rate);
            Directory.CreateDirectory(output);
            CollectorSoakReport.WriteCsv(Path.Combine(output, "reliability-soak.csv"), samples);
            CollectorSoakChart.Write(Path.Combine(output, "reliability-soak.png"), samples, warmupMinutes, minutes, rate);
            Console.WriteLine(result.Markdown);
            Console.WriteLine();
            Console.WriteLine(CollectorSoakReport.PerSampleMarkdown(samples));
            CollectorSoakReport.Record(result, minutes, rate, check);
            if (!drained)
            {
                Console.Error.WriteLine("the backlog did not reach 0 within " + DrainDeadline);
            }

            return result.Met && drained ? 0 : 1;
        }
        finally
        {
            engine.Dispose();
            foreach (var log in work.EnumerateFiles("*.log"))
            {
                // Kept for a look after a failed run; the data and the durable log go.
                log.CopyTo(Path.Combine(Path.GetTempPath(), "icesco-collector-soak-" + log.Name), overwrite: true);
            }

            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"could not remove {work.FullName}: {e.Message}");
            }
        }
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Icesco.Insights.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository (Icesco.Insights.sln not found above " + Environment.CurrentDirectory + ")");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or ClickHouseServerException or IOException or TaskCanceledException or InvalidOperationException)
            {
                // Not up yet: poll again until the deadline.
            }

            await Task.Delay(200);
        }

        Console.Error.WriteLine($"timed out after {deadline}: {what}");
        return false;
    }

    private static async Task<SoakSample> SampleAsync(double minute, SoakService collector, SoakService engine, ClickHouseClient client, HttpClient probe, string logDirectory, BeaconLoad load)
    {
        var parts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("database", Database);
        using (var reader = await client.ExecuteReaderAsync(
            "SELECT table, count() FROM system.parts WHERE database = {database:String} AND active GROUP BY table ORDER BY table",
            parameters, QueryPurpose.Options("bench-soak-parts")))
        {
            while (reader.Read())
            {
                parts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var metrics = await MetricsAsync(probe);
        return new SoakSample(minute, collector.ResidentBytes(), engine.ResidentBytes(), parts, DirectoryBytes(logDirectory), metrics.DiskBytes,
            metrics.Backlog, load.Sent, load.Accepted, load.Failed, metrics.Accepted);
    }

    private static long DirectoryBytes(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    /// <summary>The log's backlog, disk bytes and events accepted, from the Collector's Prometheus page (/health shows no figures in Production).</summary>
    private static async Task<(long Backlog, long DiskBytes, long Accepted)> MetricsAsync(HttpClient probe)
    {
        var text = await probe.GetStringAsync("metrics");
        long Metric(string name) => text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Sum();
        return (Metric("collector_log_backlog"), Metric("collector_log_disk_bytes"), Metric("insights_collector_events_accepted_total"));
    }
}
