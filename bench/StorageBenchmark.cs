using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using ClickHouse.Driver;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Bench;

/// <summary>
/// Bytes per event after compression: a fresh embedded engine with the schema, N realistic page views (and the
/// ratings they lead to) from the Simulator's traffic model, put through the Collector's ingestion pipeline and
/// inserted in the Collector's batches through the driver, so the materialized views fill the rollups; then the
/// active parts of every table once background merges settle and again fully merged (OPTIMIZE FINAL), and the
/// parts that one Collector flush creates (the page_views insert, the feedback insert, each with its views' parts).
/// dotnet run -c Release --project bench -- storage [--events N] [--daily-views N] [--batch N] [--visitors N]
/// </summary>
internal static class StorageBenchmark
{
    private const string Database = "bench_storage";
    private const int Seed = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 2_000_000L);
        var dailyViews = Option(args, "--daily-views", 100_000L);
        var batchSize = (int)Option(args, "--batch", 10_000L); // DurableLog:FlushBatchSize's default until decision 0033 (5,000 since)
        // Distinct browsers in the pool. The Simulator's addresses repeat past 131,072, but each browser's user agent
        // (with its build numbers) still sets its visitor hash apart.
        var visitors = (int)Option(args, "--visitors", Math.Clamp(dailyViews / 2, 500, 2_000_000));
        // The history ends at the start of today (UTC): recent, so the raw-event TTL never touches it, and the probes'
        // events, which follow it, are not in the future.
        var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var start = end - TimeSpan.FromHours(Math.Max(1, Math.Ceiling(events * 24.0 / dailyViews)));

        var data = Directory.CreateTempSubdirectory("icesco-bench-storage-");
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = server.ConnectionString + ";Timeout=3600",
            ["ClickHouse:Database"] = Database,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)).AddMetrics();
        services.AddSchemaMigrations(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ClickHouseClient>();
        var parts = new StorageParts(client, Database);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MemoryGiB()} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {server.EngineVersion} (engine {await parts.EngineVersionAsync()})");
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        using var source = new CollectorEventSource(client, provider.GetRequiredService<IOptions<ClickHouseOptions>>(), provider.GetRequiredService<IMeterFactory>(),
            start, end, dailyViews, visitors, Seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {events:N0} page views at {dailyViews:N0} a day from {start:yyyy-MM-dd HH:mm} UTC, plus the ratings they lead to; {source.Stories} real stories ({source.Articles} pages in ar/en/fr), {visitors:N0} simulated browsers, seed {Seed}; Collector batches of {batchSize:N0}"));

        using var stream = source.Events().GetEnumerator();
        var writer = new CollectorBatchWriter(client, Database);
        var seeding = await SeedAsync(stream, writer, events, batchSize);
        var span = await parts.PageViewSpanAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inserted {seeding.PageViews:N0} page views and {seeding.Feedback:N0} feedback in {seeding.Batches:N0} batches, {seeding.Took.TotalSeconds:N1} s; they span {span.TotalDays:N2} days; events not kept by the pipeline: {source.NotKept:N0}; {seeding.LogBytesPerEvent:N0} bytes per event in the Collector's durable log"));

        var merging = await parts.WaitForMergesAsync();
        Console.WriteLine($"background merges settled after {merging.TotalSeconds:N0} s");
        var settled = await parts.TablesAsync();
        Print("after background merges settled", settled, span);

        await parts.OptimizeFinalAsync(settled.Where(t => t.Rows > 0).Select(t => t.Table));
        await parts.WaitForMergesAsync();
        Print("fully merged (OPTIMIZE FINAL: one part per partition, as a quiet month ends up)", await parts.TablesAsync(), span);

        await ProbeFlushAsync(parts, writer, stream, batchSize, $"a full Collector batch ({batchSize:N0} events)");
        var perSecond = (int)Math.Max(1, Math.Ceiling(dailyViews / 86_400.0 * 1.03));
        await ProbeFlushAsync(parts, writer, stream, perSecond, $"one second of this traffic ({perSecond:N0} events)");
        foreach (var table in new[] { "page_views", "feedback" })
        {
            await parts.RewriteWideAsync(table);
            await PrintColumnsAsync(parts, table);
        }
        Console.WriteLine();
        Console.WriteLine($"engine MergeTree settings: {await parts.MergeTreeSettingsAsync("parts_to_delay_insert", "parts_to_throw_insert", "max_parts_in_total", "non_replicated_deduplication_window", "replicated_deduplication_window", "replicated_deduplication_window_seconds", "old_parts_lifetime", "index_granularity")}");

        await server.DisposeAsync();
        data.Delete(recursive: true);
        return 0;
    }

    private static async Task<(long PageViews, long Feedback, int Batches, TimeSpan Took, double LogBytesPerEvent)> SeedAsync(
        IEnumerator<CollectedEvent> stream, CollectorBatchWriter writer, long events, int batchSize)
    {
        long views = 0, feedback = 0, logBytes = 0;
        var batches = 0;
        var record = new ArrayBufferWriter<byte>();
        var clock = Stopwatch.StartNew();
        var report = TimeSpan.FromSeconds(5);
        while (views < events)
        {
            var batch = Take(stream, batchSize, events - views);
            foreach (var e in batch)
            {
                // What the event costs in the Collector's durable log: its record and the frame's 8-byte header (RecordFrame).
                EventRecordCodec.Encode(e, record);
                logBytes += record.WrittenCount + 8;
                record.ResetWrittenCount();
            }
            var (v, f) = await writer.InsertAsync(batch);
            batches++;
            (views, feedback) = (views + v, feedback + f);
            if (clock.Elapsed >= report || views >= events)
            {
                report = clock.Elapsed + TimeSpan.FromSeconds(5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"inserted {views,12:N0}/{events:N0} page views ({100.0 * views / events,5:F1} %), {feedback:N0} feedback; {clock.Elapsed.TotalSeconds,6:F1} s, {(views + feedback) / clock.Elapsed.TotalSeconds,9:N0} events/s (generation, pipeline and insert)"));
            }
        }
        return (views, feedback, batches, clock.Elapsed, (double)logBytes / (views + feedback));
    }

    /// <summary>The next events of the stream: at most <paramref name="size"/>, and at most <paramref name="pageViews"/> page views.</summary>
    private static List<CollectedEvent> Take(IEnumerator<CollectedEvent> stream, int size, long pageViews)
    {
        var batch = new List<CollectedEvent>(size);
        while (batch.Count < size && pageViews > 0 && stream.MoveNext())
        {
            batch.Add(stream.Current);
            pageViews -= stream.Current.Kind == EventKind.PageView ? 1 : 0;
        }
        return batch;
    }

    /// <summary>One Collector flush of the next <paramref name="size"/> events: the parts its page_views insert and its feedback insert create.</summary>
    private static async Task ProbeFlushAsync(StorageParts parts, CollectorBatchWriter writer, IEnumerator<CollectedEvent> stream, int size, string what)
    {
        var batch = Take(stream, size, long.MaxValue);
        var tables = (await parts.TablesAsync()).Select(t => t.Table).ToList();
        await parts.MergesAsync(run: false, tables);
        var created = new List<(string Insert, int Rows, Dictionary<string, int> Parts)>();
        foreach (var kind in new[] { EventKind.PageView, EventKind.Feedback })
        {
            var rows = batch.Where(e => e.Kind == kind).ToList();
            var before = await parts.PartNamesAsync();
            await writer.InsertAsync(rows);
            var after = await parts.PartNamesAsync();
            created.Add((kind == EventKind.PageView ? "page_views" : "feedback", rows.Count,
                after.Except(before).GroupBy(p => p.Table).ToDictionary(g => g.Key, g => g.Count())));
        }
        await parts.MergesAsync(run: true, tables);

        Console.WriteLine();
        Console.WriteLine($"parts created by {what}:");
        Console.WriteLine();
        Console.WriteLine("| insert | rows | new parts | in which tables |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        foreach (var (insert, rows, made) in created)
        {
            Console.WriteLine($"| {insert} | {rows:N0} | {made.Values.Sum()} | {string.Join(", ", made.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value == 1 ? p.Key : $"{p.Key} ×{p.Value}"))} |");
        }
    }

    private static void Print(string title, IReadOnlyList<TableBytes> tables, TimeSpan span)
    {
        var views = tables.FirstOrDefault(t => t.Table == "page_views") ?? new TableBytes("page_views", 0, 0, 0, 0, 0);
        var feedback = tables.FirstOrDefault(t => t.Table == "feedback") ?? new TableBytes("feedback", 0, 0, 0, 0, 0);
        var rollups = tables.Where(t => StorageParts.Rollups.Contains(t.Table)).ToList();
        double PerView(long bytes) => views.Rows == 0 ? 0 : (double)bytes / views.Rows;

        Console.WriteLine();
        Console.WriteLine($"{title}:");
        Console.WriteLine();
        Console.WriteLine("| table | rows | active parts | bytes on disk | bytes/row | compressed | uncompressed | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in tables)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {t.Table} | {t.Rows:N0} | {t.Parts:N0} | {t.OnDisk:N0} | {t.PerRow:N1} | {t.Compressed:N0} | {t.Uncompressed:N0} | {t.Ratio:N1} |"));
        }
        Console.WriteLine();
        var days = Math.Max(span.TotalDays, 1.0 / 24);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raw bytes per page view: {views.PerRow:N1} on disk ({(double)views.Compressed / Math.Max(1, views.Rows):N1} compressed data, {(double)views.Uncompressed / Math.Max(1, views.Rows):N1} uncompressed)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raw bytes per feedback event: {feedback.PerRow:N1} on disk ({(double)feedback.Compressed / Math.Max(1, feedback.Rows):N1} compressed data, {(double)feedback.Uncompressed / Math.Max(1, feedback.Rows):N1} uncompressed); {100.0 * feedback.Rows / Math.Max(1, views.Rows):N2} feedback per 100 page views"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rollup bytes per page view (the {rollups.Count} engagement tables together): {PerView(rollups.Sum(r => r.OnDisk)):N1} on disk"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"everything per page view (raw page view + its share of feedback + rollups): {PerView(views.OnDisk + feedback.OnDisk + rollups.Sum(r => r.OnDisk)):N1} on disk"));
        foreach (var r in rollups)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rollup rows, {r.Table}: {r.Rows:N0} ({1000.0 * r.Rows / Math.Max(1, views.Rows):N1} per 1,000 page views; {r.Rows / days:N0} per day of traffic; {r.PerRow:N1} bytes/row)"));
        }
    }

    private static async Task PrintColumnsAsync(StorageParts parts, string table)
    {
        var columns = await parts.ColumnsAsync(table);
        var rows = (await parts.TablesAsync()).First(t => t.Table == table).Rows;
        Console.WriteLine();
        Console.WriteLine($"{table} by column (bytes per row, fully merged and rewritten in the wide format, which reports per-column sizes):");
        Console.WriteLine();
        Console.WriteLine("| column | compressed | uncompressed | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (column, compressed, uncompressed) in columns)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {column} | {(double)compressed / rows:N2} | {(double)uncompressed / rows:N2} | {(double)uncompressed / Math.Max(1, compressed):N1} |"));
        }
    }

    private static string MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? "?" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024).ToString("N1", CultureInfo.InvariantCulture);
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
