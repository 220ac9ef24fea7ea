using System.Diagnostics;
using System.Globalization;
using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Bench;

/// <summary>
/// The driver's insert rate of Collector-shaped page views into the real schema (raw table and its
/// rollup views) on a given ClickHouse: the limit the Collector's flusher cannot beat.
/// dotnet Icesco.Insights.Bench.dll insert-limit --clickhouse "Host=…;Port=…" [--rows N] [--batch N]
/// </summary>
internal static class InsertLimitBenchmark
{
    private static readonly string[] Columns =
    [
        "event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states",
        "visitor_hash", "country", "language", "device", "referrer_host",
    ];

    private static readonly string[] States = ["MA", "SA"];

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Value(args, "--clickhouse") ?? "Host=127.0.0.1;Port=8123";
        var rows = int.Parse(Value(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var batch = int.Parse(Value(args, "--batch") ?? "10000", CultureInfo.InvariantCulture);
        var database = "bench_" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = connection,
            ["ClickHouse:Database"] = database,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSchemaMigrations(configuration).BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var client = provider.GetRequiredService<ClickHouseClient>();

        var now = DateTime.UtcNow;
        var topics = new[] { "education", "culture", "heritage", "science_technology", "unknown" };
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += batch)
        {
            var slice = Enumerable.Range(start, Math.Min(batch, rows - start)).Select(i => new object[]
            {
                Guid.NewGuid(), now.AddMilliseconds(-i), now, "www.icesco.org", $"article-{i % 500}",
                $"https://www.icesco.org/en/2026/02/19/article-{i % 500}/", $"/en/2026/02/19/article-{i % 500}/",
                topics[i % topics.Length], States, (ulong)i * 2654435761UL, "MA", "en", "desktop", string.Empty,
            });
            await client.InsertBinaryAsync($"{database}.page_views", Columns, slice, QueryPurpose.Insert("bench-insert-limit", deduplicationToken: $"bench-{start}"));
        }

        var elapsed = clock.Elapsed;
        Console.WriteLine($"insert limit: {rows / elapsed.TotalSeconds:F0} rows/s ({rows:N0} page views in batches of {batch:N0}, {elapsed.TotalSeconds:F1} s, database {database})");
        await client.ExecuteNonQueryAsync($"DROP DATABASE {database}");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
