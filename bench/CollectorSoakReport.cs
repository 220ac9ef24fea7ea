using System.Globalization;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>One sample of the soak: both processes' resident bytes, active parts per table, the log, the load so far.</summary>
internal sealed record SoakSample(
    double Minute, long CollectorRss, long EngineRss, SortedDictionary<string, long> Parts, long LogBytes, long ReportedDiskBytes,
    long Backlog, long Sent, long Accepted, long Failed, long CollectorAccepted)
{
    public long TotalParts => Parts.Values.Sum();

    public long MaxTableParts => Parts.Values.DefaultIfEmpty().Max();

    public string Progress() => string.Create(CultureInfo.InvariantCulture,
        $"{DateTime.UtcNow:HH:mm:ss} min {Minute:F1}: collector {CollectorSoakReport.Mb(CollectorRss):F0} MB, engine {CollectorSoakReport.Mb(EngineRss):F0} MB, parts {TotalParts} (max {MaxTableParts}), log {CollectorSoakReport.Mb(LogBytes):F1} MB, backlog {Backlog}, sent {Sent}, accepted {Accepted}, failed {Failed}");
}

/// <summary>What the read-back found for the accepted events.</summary>
internal sealed record SoakDelivery(long Accepted, long Rows, long Unique, long Found, long Lost, long Doubled, long Foreign, long Feedback)
{
    /// <summary>Reads back every stored event id of both tables: each accepted one must be there exactly once, nothing else.</summary>
    public static async Task<SoakDelivery> ReadBackAsync(ClickHouseClient client, string database, BeaconLoad load)
    {
        var seen = new long[load.Capacity / 64 + 1];
        long found = 0, doubled = 0, foreign = 0, rows = 0;
        using (var reader = await client.ExecuteReaderAsync(
            $"SELECT toString(event_id) FROM {database}.page_views UNION ALL SELECT toString(event_id) FROM {database}.feedback",
            new ClickHouseParameterCollection(), QueryPurpose.Options("bench-soak-read-back")))
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
            $"SELECT uniqExact(event_id) FROM (SELECT event_id FROM {database}.page_views UNION ALL SELECT event_id FROM {database}.feedback)",
            new ClickHouseParameterCollection(), QueryPurpose.Options("bench-soak-unique")), CultureInfo.InvariantCulture);
        var feedback = Convert.ToInt64(await client.ExecuteScalarAsync(
            $"SELECT count() FROM {database}.feedback", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-soak-feedback")), CultureInfo.InvariantCulture);
        return new SoakDelivery(load.Accepted, rows, unique, found, load.Accepted - found, doubled, foreign, feedback);
    }
}

/// <summary>The soak's figures against its goals: the markdown table, the CSV, the reliability figure.</summary>
internal static class CollectorSoakReport
{
    private const double BandGoal = 10.0;

    public static SoakVerdict Judge(List<SoakSample> samples, double warmupMinutes, double minutes, BeaconLoad load, SoakDelivery delivery, TimeSpan loadTime, double rate)
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
        return new SoakVerdict(markdown.ToString(), summary, rows.All(r => r.Met != false));
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

    public static double Mb(long bytes) => bytes / 1_000_000.0;

    public static void WriteCsv(string path, List<SoakSample> samples)
    {
        var csv = new StringBuilder("minute,collector_rss_mb,engine_rss_mb,active_parts,max_table_parts,log_dir_mb,log_disk_bytes_reported,backlog,sent,accepted,failed,collector_accepted_total,parts_by_table\n");
        foreach (var s in samples)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{s.Minute:F2},{Mb(s.CollectorRss):F1},{Mb(s.EngineRss):F1},{s.TotalParts},{s.MaxTableParts},{Mb(s.LogBytes):F2},{s.ReportedDiskBytes},{s.Backlog},{s.Sent},{s.Accepted},{s.Failed},{s.CollectorAccepted},{string.Join(' ', s.Parts.Select(p => $"{p.Key}={p.Value}"))}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    public static string PerSampleMarkdown(List<SoakSample> samples)
    {
        var table = new StringBuilder("| minute | Collector RSS MB | engine RSS MB | active parts | log MB | backlog | accepted | failed |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var s in samples)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {s.Minute:F1} | {Mb(s.CollectorRss):F0} | {Mb(s.EngineRss):F0} | {s.TotalParts} | {Mb(s.LogBytes):F1} | {s.Backlog:N0} | {s.Accepted:N0} | {s.Failed:N0} |\n");
        }

        return table.ToString();
    }

    public static void Record(SoakVerdict verdict, double minutes, double rate, SoakDelivery delivery)
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

}

/// <summary>The soak's markdown table, the reliability figure's text and whether every goal was met.</summary>
internal sealed record SoakVerdict(string Markdown, string Summary, bool Met);
