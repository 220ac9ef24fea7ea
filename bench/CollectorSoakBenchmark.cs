using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver;

namespace Icesco.Insights.Bench;

/// <summary>
/// A soak of the whole write path: single-event POSTs (as the site's sendBeacon sends them) paced at a steady rate
/// through the Collector as shipped (Production, its durable log fsync'd on disk) into the embedded engine, each in
/// its own process. Every sample it records both processes' resident memory, the engine's active parts per table,
/// the log directory's size and the Collector's backlog; at the end it checks that every event answered 202 is
/// stored once. Goals: resident memory within ±10 % after warm-up, parts and log disk not growing, 0 lost.
/// Writes docs/reliability-soak.csv and .png, a markdown table to stdout, and a reliability figure.
/// dotnet run -c Release --project bench -- collector-soak [--minutes 60] [--rate 1000] [--sample-seconds 60].
/// </summary>
internal static class CollectorSoakBenchmark
{
    private const string Database = "soak";
    private const double BandGoal = 10.0;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = Option(args, "--minutes", 60.0);
        var rate = Option(args, "--rate", 1000.0);
        var sampleSeconds = Option(args, "--sample-seconds", 60.0);
        var warmupMinutes = Math.Min(Option(args, "--warmup-minutes", 5.0), minutes / 4);
        var root = RepositoryRoot();
        var docs = Path.Combine(root, "docs");

        // On the repository's disk, not a tmpfs: the log's fsync is part of what a 202 costs.
        var work = Directory.CreateDirectory(Path.Combine(Environment.GetEnvironmentVariable("BENCH_WORK") ?? "/var/tmp", "icesco-collector-soak-" + Guid.NewGuid().ToString("N")[..8]));
        Console.Error.WriteLine($"collector-soak: {minutes} min at {rate} events/s, work in {work.FullName}");
        var engine = Started("engine", work, Path.Combine(root, "EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll"),
            ["--path", Path.Combine(work.FullName, "ch"), "--port", FreePort().ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), out var chPort);
        try
        {
            using var client = new ClickHouseClient($"Host=127.0.0.1;Port={chPort};Protocol=http");
            await UntilAsync(async () => { await client.ExecuteScalarAsync("SELECT 1"); return true; }, TimeSpan.FromMinutes(2), "the engine answers");

            var collectorPort = FreePort();
            var logDirectory = Path.Combine(work.FullName, "log");
            using var collector = Started("collector", work, Path.Combine(root, "Collector/bin/Release/net10.0/Icesco.Insights.Collector.dll"), [], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ClickHouse__ConnectionString"] = $"Host=127.0.0.1;Port={chPort};Protocol=http",
                ["ClickHouse__Database"] = Database,
                ["DurableLog__Directory"] = logDirectory,
                ["Ingestion__RateLimit__PermitLimit"] = "1000000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{collectorPort}",
            }, out _);
            var collectorUri = new Uri($"http://127.0.0.1:{collectorPort}/");
            using var probe = new HttpClient { BaseAddress = collectorUri, Timeout = TimeSpan.FromSeconds(30) };
            await UntilAsync(async () => (await probe.GetAsync("health")).IsSuccessStatusCode, TimeSpan.FromMinutes(2), "the Collector is ready");

            var load = new BeaconLoad(collectorUri, rate, (long)(minutes * 60 * rate * 1.05) + 10_000);
            var samples = new List<Sample>();
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
            var check = await ExactlyOnceAsync(client, load);
            var after = await SampleAsync(clock.Elapsed.TotalMinutes, collector, engine, client, probe, logDirectory, load);
            Console.Error.WriteLine("after drain: " + after.Progress());

            var result = Judge(samples, warmupMinutes, minutes, load, check, loadTime, rate);
            WriteCsv(Path.Combine(docs, "reliability-soak.csv"), samples);
            Chart.Write(Path.Combine(docs, "reliability-soak.png"), samples, warmupMinutes, minutes, rate);
            Console.WriteLine(result.Markdown);
            Console.WriteLine();
            Console.WriteLine(PerSampleMarkdown(samples));
            Record(result, minutes, rate, check);
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

    /// <summary>Starts <c>dotnet dll args</c> with its output in a file of the work directory; killed on dispose.</summary>
    private static ChildProcess Started(string name, DirectoryInfo work, string dll, string[] arguments, Dictionary<string, string> environment, out int port)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: dotnet build bench -c Release", dll);
        }

        var portIndex = Array.IndexOf(arguments, "--port");
        port = portIndex >= 0 ? int.Parse(arguments[portIndex + 1], CultureInfo.InvariantCulture) : 0;
        var output = Path.Combine(work.FullName, name + ".log");
        var command = "exec dotnet " + string.Join(' ', new[] { dll }.Concat(arguments).Select(Quote)) + " >" + Quote(output) + " 2>&1";
        var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(start)!, output);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

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

    private static async Task<Sample> SampleAsync(double minute, ChildProcess collector, ChildProcess engine, ClickHouseClient client, HttpClient probe, string logDirectory, BeaconLoad load)
    {
        var parts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync($"SELECT table, count() FROM system.parts WHERE database = '{Database}' AND active GROUP BY table ORDER BY table"))
        {
            while (reader.Read())
            {
                parts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var metrics = await MetricsAsync(probe);
        return new Sample(minute, collector.ResidentBytes(), engine.ResidentBytes(), parts, DirectoryBytes(logDirectory), metrics.DiskBytes,
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

    /// <summary>Reads back every stored event id of both tables: each accepted one must be there exactly once, nothing else.</summary>
    private static async Task<Delivery> ExactlyOnceAsync(ClickHouseClient client, BeaconLoad load)
    {
        var seen = new long[load.Capacity / 64 + 1];
        long found = 0, doubled = 0, foreign = 0, rows = 0;
        using (var reader = await client.ExecuteReaderAsync(
            $"SELECT toString(event_id) FROM {Database}.page_views UNION ALL SELECT toString(event_id) FROM {Database}.feedback"))
        {
            while (reader.Read())
            {
                rows++;
                if (!load.TrySequence(reader.GetString(0), out var sequence) || !load.WasAccepted(sequence))
                {
                    foreign++;
                    continue;
                }

                var mask = 1L << (int)(sequence % 64);
                if ((seen[sequence / 64] & mask) != 0)
                {
                    doubled++;
                }
                else
                {
                    seen[sequence / 64] |= mask;
                    found++;
                }
            }
        }

        var unique = Convert.ToInt64(await client.ExecuteScalarAsync(
            $"SELECT uniqExact(event_id) FROM (SELECT event_id FROM {Database}.page_views UNION ALL SELECT event_id FROM {Database}.feedback)"), CultureInfo.InvariantCulture);
        var feedback = Convert.ToInt64(await client.ExecuteScalarAsync($"SELECT count() FROM {Database}.feedback"), CultureInfo.InvariantCulture);
        return new Delivery(load.Accepted, rows, unique, found, load.Accepted - found, doubled, foreign, feedback);
    }

    private static Verdict Judge(List<Sample> samples, double warmupMinutes, double minutes, BeaconLoad load, Delivery delivery, TimeSpan loadTime, double rate)
    {
        var steady = samples.Where(s => s.Minute >= warmupMinutes - 0.01).ToList();
        var collector = Band(steady.Select(s => s.CollectorRss));
        var engine = Band(steady.Select(s => s.EngineRss));
        var partsGrowing = Growing(steady.Select(s => (double)s.TotalParts).ToList(), 1.2, 2);
        var logGrowing = Growing(steady.Select(s => (double)s.LogBytes).ToList(), 1.2, 16 * 1024 * 1024);
        var maxParts = samples.Max(s => s.TotalParts);
        var maxTable = samples.SelectMany(s => s.Parts).DefaultIfEmpty().MaxBy(p => p.Value);
        var maxLog = samples.Max(s => s.LogBytes);
        var maxBacklog = samples.Max(s => s.Backlog);
        var achieved = load.Sent / loadTime.TotalSeconds;
        var lossFree = delivery.Lost == 0 && delivery.Doubled == 0 && delivery.Foreign == 0;

        var rows = new List<(string Figure, string Value, string Goal, bool? Met)>
        {
            ("events sent", $"{load.Sent:N0} in {loadTime.TotalMinutes:F1} min ({achieved:N0}/s)", $"{rate:N0}/s", null),
            ("accepted (202, accepted = 1)", $"{load.Accepted:N0}", string.Empty, null),
            ("failed (not 202, or an error)", $"{load.Failed:N0}{load.FailureSample}", string.Empty, null),
            ("Collector RSS after warm-up", collector.Text, $"±{BandGoal} %", collector.Percent <= BandGoal),
            ("engine RSS after warm-up", engine.Text, $"±{BandGoal} %", engine.Percent <= BandGoal),
            ("active parts (all tables)", $"≤ {maxParts} (most in one table: {maxTable.Key} {maxTable.Value}); last sample {samples[^1].TotalParts}", "not growing", !partsGrowing),
            ("log directory", $"≤ {Mb(maxLog):F1} MB; last sample {Mb(samples[^1].LogBytes):F1} MB", "not growing", !logGrowing),
            ("backlog (largest sample)", $"{maxBacklog:N0} events", string.Empty, null),
            ("stored rows / unique ids", $"{delivery.Rows:N0} / {delivery.Unique:N0} ({delivery.Feedback:N0} feedback)", string.Empty, null),
            ("lost / doubled / not sent by us", $"{delivery.Lost:N0} / {delivery.Doubled:N0} / {delivery.Foreign:N0} of {delivery.Accepted:N0} accepted", "0 / 0 / 0", lossFree),
        };
        var markdown = new StringBuilder($"Collector soak: {minutes:G} min at {rate:N0} events/s, warm-up {warmupMinutes:G} min excluded from the bands.\n\n");
        markdown.Append("| figure | measured | goal | met |\n| --- | --- | --- | --- |\n");
        foreach (var (figure, value, goal, met) in rows)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"| {figure} | {value} | {goal} | {(met is null ? string.Empty : met.Value ? "yes" : "**no**")} |\n");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Collector RSS {collector.Text} after warm-up, engine RSS {engine.Text}, parts ≤ {maxParts}, log ≤ {Mb(maxLog):F0} MB");
        return new Verdict(markdown.ToString(), summary, rows.All(r => r.Met != false));
    }

    private static (double Percent, string Text) Band(IEnumerable<long> values)
    {
        var list = values.Select(Mb).ToList();
        if (list.Count == 0)
        {
            return (double.NaN, "no sample");
        }

        var (low, high) = (list.Min(), list.Max());
        var percent = (high - low) / (high + low) * 100;
        return (percent, string.Create(CultureInfo.InvariantCulture, $"{low:F0}–{high:F0} MB (±{percent:F1} %)"));
    }

    /// <summary>Still growing: the last third of the samples averages clearly above the middle third (a sawtooth of merges does not).</summary>
    private static bool Growing(List<double> values, double factor, double slack)
    {
        if (values.Count < 3)
        {
            return false;
        }

        var third = values.Count / 3;
        var middle = values.Skip(third).Take(third).Average();
        var last = values.Skip(values.Count - third).Average();
        return last > (middle * factor) + slack;
    }

    private static double Mb(long bytes) => bytes / 1_000_000.0;

    private static void WriteCsv(string path, List<Sample> samples)
    {
        var csv = new StringBuilder("minute,collector_rss_mb,engine_rss_mb,active_parts,max_table_parts,log_dir_mb,log_disk_bytes_reported,backlog,sent,accepted,failed,collector_accepted_total,parts_by_table\n");
        foreach (var s in samples)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{s.Minute:F2},{Mb(s.CollectorRss):F1},{Mb(s.EngineRss):F1},{s.TotalParts},{s.MaxTableParts},{Mb(s.LogBytes):F2},{s.ReportedDiskBytes},{s.Backlog},{s.Sent},{s.Accepted},{s.Failed},{s.CollectorAccepted},{string.Join(' ', s.Parts.Select(p => $"{p.Key}={p.Value}"))}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static string PerSampleMarkdown(List<Sample> samples)
    {
        var table = new StringBuilder("| minute | Collector RSS MB | engine RSS MB | active parts | log MB | backlog | accepted | failed |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var s in samples)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {s.Minute:F1} | {Mb(s.CollectorRss):F0} | {Mb(s.EngineRss):F0} | {s.TotalParts} | {Mb(s.LogBytes):F1} | {s.Backlog:N0} | {s.Accepted:N0} | {s.Failed:N0} |\n");
        }

        return table.ToString();
    }

    private static void Record(Verdict verdict, double minutes, double rate, Delivery delivery)
    {
        var path = Environment.GetEnvironmentVariable("ICESCO_RELIABILITY_FIGURES");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var figure = new
        {
            Area = "Soak",
            Tried = string.Create(CultureInfo.InvariantCulture, $"{FormatMinutes(minutes)} at {rate:N0} events/s through the Collector into the embedded engine"),
            Count = delivery.Accepted,
            Lost = string.Create(CultureInfo.InvariantCulture, $"{delivery.Lost:N0} lost, {delivery.Doubled:N0} doubled of {delivery.Accepted:N0} accepted"),
            Figure = verdict.Summary,
        };
        File.AppendAllText(path, JsonSerializer.Serialize(figure) + "\n");
    }

    private static string FormatMinutes(double minutes) =>
        minutes % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:G} h") : string.Create(CultureInfo.InvariantCulture, $"{minutes:G} min");

    private sealed record Verdict(string Markdown, string Summary, bool Met);

    private sealed record Delivery(long Accepted, long Rows, long Unique, long Found, long Lost, long Doubled, long Foreign, long Feedback);

    internal sealed record Sample(
        double Minute, long CollectorRss, long EngineRss, SortedDictionary<string, long> Parts, long LogBytes, long ReportedDiskBytes,
        long Backlog, long Sent, long Accepted, long Failed, long CollectorAccepted)
    {
        public long TotalParts => Parts.Values.Sum();

        public long MaxTableParts => Parts.Values.DefaultIfEmpty().Max();

        public string Progress() => string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} min {Minute:F1}: collector {Mb(CollectorRss):F0} MB, engine {Mb(EngineRss):F0} MB, parts {TotalParts} (max {MaxTableParts}), log {Mb(LogBytes):F1} MB, backlog {Backlog}, sent {Sent}, accepted {Accepted}, failed {Failed}");
    }

    /// <summary>A service run as <c>sh -c 'exec dotnet …'</c>, so the process id is the service's own.</summary>
    private sealed class ChildProcess : IDisposable
    {
        private readonly Process process;
        private readonly string output;
        private bool disposed;

        public ChildProcess(Process process, string output)
        {
            this.process = process;
            this.output = output;

            // A soak stopped with SIGTERM or Ctrl+C takes its services with it.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        }

        public long ResidentBytes()
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"process {process.Id} exited ({process.ExitCode}); its output is in {output}:\n{File.ReadAllText(output)}");
            }

            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        public void Dispose()
        {
            lock (process)
            {
                Stop();
            }
        }

        private void Stop()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
