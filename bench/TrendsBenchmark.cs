using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Bench;

/// <summary>
/// Trends over many events: a fresh embedded engine, the migrations, N page views over 9 ISO weeks generated in
/// the engine (so the rollups fill as in production), then the trends backfill of the whole range and one hourly run.
/// dotnet run -c Release --project bench -- trends [--events N] [--chunk N].
/// </summary>
internal static class TrendsBenchmark
{
    private const string Database = "bench_trends";
    private static readonly DateOnly FirstDay = new(2026, 1, 5); // a Monday: 9 whole ISO weeks
    private static readonly DateOnly LastDay = FirstDay.AddDays(9 * 7 - 1);

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 50_000_000L);
        var chunk = Option(args, "--chunk", 2_500_000L);
        var data = Directory.CreateTempSubdirectory("icesco-bench-trends-");
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = server.ConnectionString + ";Timeout=3600",
            ["ClickHouse:Database"] = Database,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 3, 8, 20, 0, 0, TimeSpan.Zero))); // for the hourly run
        services.AddSchemaMigrations(configuration);
        services.AddTrends();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ClickHouseClient>();

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {server.EngineVersion}");
        Console.WriteLine($"data: {data.FullName}; events: {events:N0} page views + {events / TrendsSeedSql.FeedbackEvery:N0} feedback, {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}");
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        PeakMemory.Reset();
        var seeding = await SeedAsync(client, Database, events, chunk);
        var seedPeak = PeakMemory.Read();
        var merging = await WaitForMergesAsync(client);
        Console.WriteLine($"rollup rows after merges: {await RollupRowsAsync(client)}");

        PeakMemory.Reset();
        var job = provider.GetRequiredService<TrendsJob>();
        var periods = TrendsJob.BackfillPeriods(FirstDay, LastDay);
        var timings = new List<(TrendPeriod Period, TimeSpan Took, int Rows)>();
        var clock = Stopwatch.StartNew();
        var printer = new BackfillProgressPrinter(periods, Console.Out, TimeProvider.System);
        var last = TimeSpan.Zero;
        await job.BackfillAsync(FirstDay, LastDay, new Recorder(p =>
        {
            timings.Add((p.Period, clock.Elapsed - last, p.Rows));
            last = clock.Elapsed;
            printer.Report(p);
        }));
        var backfill = clock.Elapsed;
        var backfillPeak = PeakMemory.Read();

        clock.Restart();
        await job.RunHourlyAsync(CancellationToken.None);
        var hourly = clock.Elapsed;

        var stored = await ScalarAsync(client, $"SELECT count() FROM {Database}.trends FINAL");
        Console.WriteLine();
        Console.WriteLine($"| measure ({events:N0} page views, {events / TrendsSeedSql.FeedbackEvery:N0} feedback) | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine($"| seeding: INSERT … SELECT in chunks of {chunk:N0}, rollups filled by the materialized views | {seeding.TotalSeconds:N1} s ({(events + events / TrendsSeedSql.FeedbackEvery) / seeding.TotalSeconds:N0} events/s) |");
        Console.WriteLine($"| background merges settling afterwards | {merging.TotalSeconds:N1} s |");
        Console.WriteLine($"| backfill: {periods.Count} periods ({periods.Count(p => p.Kind == TrendPeriodKind.Day)} days, {periods.Count(p => p.Kind == TrendPeriodKind.Week)} weeks), {TrendDimension.All.Count} dimensions | {backfill.TotalSeconds:N1} s |");
        foreach (var kind in new[] { TrendPeriodKind.Day, TrendPeriodKind.Week })
        {
            var of = timings.Where(t => t.Period.Kind == kind).Select(t => t.Took.TotalSeconds).Order().ToArray();
            Console.WriteLine($"| per {kind.ToString().ToLowerInvariant()}: median / max | {of[of.Length / 2]:N2} s / {of[^1]:N2} s |");
        }
        Console.WriteLine($"| trend rows written by the backfill | {timings.Sum(t => t.Rows):N0} |");
        Console.WriteLine($"| hourly run (2 days, 2 weeks) | {hourly.TotalSeconds:N1} s |");
        Console.WriteLine($"| trend rows stored (FINAL) | {stored:N0} |");
        Console.WriteLine($"| peak RSS of the process (engine, endpoint, job) while seeding | {seedPeak} |");
        Console.WriteLine($"| peak RSS while backfilling | {backfillPeak} |");
        Console.WriteLine($"| data on disk | {DirectorySize(data) / 1_000_000:N0} MB |");

        await server.DisposeAsync();
        data.Delete(recursive: true);
        return 0;
    }

    /// <summary>Seeds <paramref name="events"/> page views (and their feedback) over the 9 weeks into <paramref name="database"/>, printing progress.</summary>
    internal static Task<TimeSpan> SeedAsync(ClickHouseClient client, string database, long events, long chunk) =>
        SeedAsync(client, database, events, chunk, FirstDay, LastDay);

    /// <summary>As above, over the whole days <paramref name="firstDay"/> to <paramref name="lastDay"/> (UTC).</summary>
    internal static async Task<TimeSpan> SeedAsync(ClickHouseClient client, string database, long events, long chunk, DateOnly firstDay, DateOnly lastDay)
    {
        var from = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var span = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - from;
        var total = Stopwatch.StartNew();
        for (var start = 0L; start < events; start += chunk)
        {
            var count = Math.Min(chunk, events - start);
            var clock = Stopwatch.StartNew();
            await client.ExecuteNonQueryAsync(TrendsSeedSql.PageViews(database),
                TrendsSeedSql.Parameters(events, start, count, from, span, 0), QueryPurpose.Options("bench-seed-page-views"));
            await client.ExecuteNonQueryAsync(TrendsSeedSql.Feedback(database),
                TrendsSeedSql.Parameters(events, start, count, from, span, 60_000), QueryPurpose.Options("bench-seed-feedback"));
            var done = start + count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seeded {done,12:N0}/{events:N0} page views ({100.0 * done / events,5:F1} %): chunk {clock.Elapsed.TotalSeconds,6:F1} s, {count / clock.Elapsed.TotalSeconds,10:N0} views/s; total {total.Elapsed.TotalSeconds,7:F1} s, {done / total.Elapsed.TotalSeconds,10:N0} views/s"));
        }
        return total.Elapsed;
    }

    // In production the rollups of past weeks were merged long ago; measure the backfill on settled parts.
    private static async Task<TimeSpan> WaitForMergesAsync(ClickHouseClient client)
    {
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(10);
        while (await ScalarAsync(client, $"SELECT count() FROM system.merges WHERE database = '{Database}'") > 0 && clock.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Console.WriteLine($"merges settled after {clock.Elapsed.TotalSeconds:N1} s; active parts: {await ScalarAsync(client, $"SELECT count() FROM system.parts WHERE database = '{Database}' AND active")}");
        return clock.Elapsed;
    }

    private static async Task<string> RollupRowsAsync(ClickHouseClient client)
    {
        var rows = new List<string>();
        foreach (var table in new[] { "page_views", "feedback", "engagement_by_topic_1m", "engagement_by_member_state_1m", "engagement_by_country_1m", "engagement_by_language_1h", "engagement_by_article_1h" })
        {
            rows.Add($"{table} {await ScalarAsync(client, $"SELECT count() FROM {Database}.{table}"):N0}");
        }
        return string.Join(", ", rows);
    }

    private static async Task<long> ScalarAsync(ClickHouseClient client, string sql) =>
        Convert.ToInt64(await client.ExecuteScalarAsync(sql, new ClickHouseParameterCollection(), QueryPurpose.Options("bench-count")), CultureInfo.InvariantCulture);

    internal static long DirectorySize(DirectoryInfo directory) =>
        directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    internal static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Recorder(Action<TrendsBackfillProgress> report) : IProgress<TrendsBackfillProgress>
    {
        public void Report(TrendsBackfillProgress value) => report(value);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The process's peak resident memory (VmHWM), reset between phases through <c>/proc/self/clear_refs</c>.</summary>
    internal static class PeakMemory
    {
        public static void Reset()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (IOException)
            {
                // Not resettable here: the peaks reported are then since the start of the process.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }

        public static string Read()
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? "n/a" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024:N0} MB";
        }
    }
}
