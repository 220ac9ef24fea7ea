using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Explore;
using Icesco.Insights.Dashboard.Explore.Articles;
using Icesco.Insights.Dashboard.Explore.Feedback;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Icesco.Insights.Bench;

/// <summary>
/// Explore over a year of a busy site: a fresh embedded engine, the migrations, N page views (and every 33rd as a
/// rating) over the 365 days before today, generated in the engine so the rollups fill as in production; then the
/// Dashboard's own queries (ExploreQuery, ArticleQuery, FeedbackQuery) and the same questions asked of the raw tables,
/// warm, each run <c>--runs</c> times, reporting p50 and p95.
/// dotnet run -c Release --project bench -- explore [--events N] [--chunk N] [--runs N] [--data DIR (kept, reused when already seeded)].
/// </summary>
internal static class ExploreBenchmark
{
    private const string Database = "bench_explore";
    private const string Search = "التعليم"; // typed without the diacritics of the stored التَّعليمِ

    public static async Task<int> RunAsync(string[] args)
    {
        var events = TrendsBenchmark.Option(args, "--events", 100_000_000L);
        var chunk = TrendsBenchmark.Option(args, "--chunk", 2_500_000L);
        var runs = (int)TrendsBenchmark.Option(args, "--runs", 20L);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (firstDay, lastDay) = (today.AddDays(-365), today.AddDays(-1));
        // --data DIR keeps the engine's folder (seeded once, then reused by later runs of the same size).
        var kept = Array.IndexOf(args, "--data") is var at and >= 0 ? new DirectoryInfo(args[at + 1]) : null;
        var data = kept ?? Directory.CreateTempSubdirectory("icesco-bench-explore-");
        data.Create();
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = server.ConnectionString + ";Timeout=3600",
            ["ClickHouse:Database"] = Database,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSchemaMigrations(configuration);
        services.AddOptions<ExploreOptions>().Bind(configuration.GetSection(ExploreOptions.SectionName));
        services.AddSingleton<ExploreSources>().AddSingleton<ExploreQuery>().AddSingleton<ArticleGroups>().AddSingleton<ArticleQuery>().AddSingleton<FeedbackQuery>();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ClickHouseClient>();
        var zone = provider.GetRequiredService<IOptions<ExploreOptions>>().Value.ResolveTimeZone();

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {server.EngineVersion}");
        Console.WriteLine($"data: {data.FullName}; {events:N0} page views + {events / TrendsSeedSql.FeedbackEvery:N0} ratings, {firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}");
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        if (await ScalarAsync(client, $"SELECT count() FROM {Database}.articles") == 0)
        {
            await RegisterArticlesAsync(client);
        }

        TrendsBenchmark.PeakMemory.Reset();
        var seeded = await ScalarAsync(client, $"SELECT count() FROM {Database}.page_views");
        var seeding = seeded >= events ? TimeSpan.Zero : await TrendsBenchmark.SeedAsync(client, Database, events - seeded, chunk, firstDay, lastDay);
        Console.WriteLine(seeded >= events ? $"reusing {seeded:N0} page views in {data.FullName}" : $"seeded {events - seeded:N0} page views");
        var seedPeak = TrendsBenchmark.PeakMemory.Read();
        var backfill = await BackfillNewRollupsAsync(client);
        var merging = await WaitForMergesAsync(client);
        var comments = await ScalarAsync(client, $"SELECT count() FROM {Database}.feedback WHERE comment != ''");

        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        ExplorePeriod Period(DateOnly from, DateOnly to) =>
            ExplorePeriod.Resolve("custom", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now, zone).Period
            ?? throw new InvalidOperationException("period");
        var month = Period(lastDay.AddDays(-29), lastDay);
        var year = Period(firstDay, lastDay); // all 365 days; the year before it, its comparison, is empty but still asked
        var twoFilters = new ExploreFilters(new Dictionary<string, string>(StringComparer.Ordinal) { ["topic"] = "education", ["member_state"] = "MA" });
        var explore = provider.GetRequiredService<ExploreQuery>();
        var article = provider.GetRequiredService<ArticleQuery>();
        var feedback = provider.GetRequiredService<FeedbackQuery>();
        var scanning = new FeedbackQuery(client, provider.GetRequiredService<IOptions<ClickHouseOptions>>(), provider.GetRequiredService<IOptions<ExploreOptions>>(),
            Options.Create(new FeedbackSearchOptions { UseIndex = false }), provider.GetRequiredService<ArticleGroups>());
        var searchRequest = FeedbackRequest.Parse(Query(("period", "custom"), ("from", Day(year.FirstDay)), ("to", Day(year.LastDay)), ("q", Search)), now, zone).Request!;
        var newestRequest = FeedbackRequest.Parse(Query(("period", "custom"), ("from", Day(year.FirstDay)), ("to", Day(year.LastDay))), now, zone).Request!;

        if (args.Contains("--explain"))
        {
            foreach (var table in new[] { "explore_facets_1d", "explore_facets_1h", "explore_state_topic_1d", "article_totals_1d", "explore_site_1d", "explore_1d", "explore_country_1d", "explore_states_1d", "explore_state_country_1d", "explore_1h", "article_audience_1d", "article_audience_1h", "feedback_search" })
            {
                Console.WriteLine($"{table}: {await ScalarAsync(client, $"SELECT count() FROM {Database}.{table}"):N0} rows");
            }
            foreach (var (name, period) in new[] { ("30 days", month), ("12 months", year) })
            {
                foreach (var f in new[] { ExploreFilters.None, twoFilters })
                {
                    var sources = provider.GetRequiredService<ExploreSources>();
                    Console.WriteLine($"{name}, {f.Values.Count} filters: totals {(await TimeAsync(3, () => explore.TotalsAsync(period, f, CancellationToken.None))).P50:N0} ms, series {(await TimeAsync(3, () => explore.SeriesAsync(period, f, CancellationToken.None))).P50:N0} ms");
                    foreach (var d in ExploreFilters.Dimensions)
                    {
                        Console.WriteLine($"  {d} from {sources.TableFor(period, f, d)}: {(await TimeAsync(3, () => explore.BreakdownAsync(period, f, d, 10, CancellationToken.None))).P50:N0} ms");
                    }
                }
            }
            return 0;
        }

        var raw = new RawQuestions(client, Database);
        var results = new List<(string Question, Timing Rollup, Timing Raw)>
        {
            ("overview, 30 days, no filter", await TimeAsync(runs, () => explore.OverviewAsync(month, ExploreFilters.None, 10, CancellationToken.None)),
                await TimeAsync(runs, () => raw.OverviewAsync(month, ExploreFilters.None))),
            ("overview, 12 months, topic = education and member state = MA", await TimeAsync(runs, () => explore.OverviewAsync(year, twoFilters, 10, CancellationToken.None)),
                await TimeAsync(runs, () => raw.OverviewAsync(year, twoFilters))),
            ("article page, 30 days, the most read story (3 versions)", await TimeAsync(runs, () => article.ReportAsync("article-0", month, CancellationToken.None)),
                await TimeAsync(runs, () => raw.ArticleAsync(["article-0", "article-1", "article-2"], month))),
            ($"explorer search '{Search}', 12 months, newest 50 and the count", await TimeAsync(runs, () => feedback.PageAsync(searchRequest, CancellationToken.None)),
                await TimeAsync(runs, () => raw.SearchAsync(year, Search))),
            ($"explorer search '{Search}' without the suffix index (position() over feedback_explorer)", await TimeAsync(runs, () => scanning.PageAsync(searchRequest, CancellationToken.None)),
                await TimeAsync(runs, () => raw.SearchAsync(year, Search))),
            ("explorer, 12 months, newest 50 and the count (no search)", await TimeAsync(runs, () => feedback.PageAsync(newestRequest, CancellationToken.None)),
                await TimeAsync(runs, () => raw.SearchAsync(year, null))),
        };
        var found = await feedback.PageAsync(searchRequest, CancellationToken.None);
        if (found.Total != (await scanning.PageAsync(searchRequest, CancellationToken.None)).Total)
        {
            throw new InvalidOperationException("the suffix index and position() found different counts");
        }
        var accuracy = new List<string>();
        foreach (var (name, period, f) in new[] { ("30 days", month, ExploreFilters.None), ("12 months, two filters", year, twoFilters) })
        {
            var shown = (await explore.TotalsAsync(period, f, CancellationToken.None)).Current.Visitors ?? 0;
            var (exact, uniq) = await raw.VisitorsAsync(period, f);
            accuracy.Add($"{name}: {shown:N0} shown, {exact:N0} exact ({100.0 * (shown - exact) / Math.Max(exact, 1):+0.00;-0.00} %), uniq {uniq:N0} ({100.0 * (uniq - exact) / Math.Max(exact, 1):+0.00;-0.00} %)");
        }

        Console.WriteLine();
        Console.WriteLine($"| measure ({events:N0} page views, {events / TrendsSeedSql.FeedbackEvery:N0} ratings, {comments:N0} with a comment; {runs} warm runs each) | rollup p50 / p95 | raw tables p50 / p95 | raw p95 ÷ rollup p95 |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (question, rollup, rawTiming) in results)
        {
            Console.WriteLine($"| {question} | {rollup.P50:N0} / **{rollup.P95:N0} ms** | {rawTiming.P50:N0} / {rawTiming.P95:N0} ms | {rawTiming.P95 / Math.Max(rollup.P95, 0.001):N1} × |");
        }
        Console.WriteLine($"| comments found by the search | {found.Total:N0} | | |");
        Console.WriteLine($"| unique visitors (the overview's sketch against the raw table) | {string.Join("; ", accuracy)} | | |");
        Console.WriteLine($"| seeding: INSERT … SELECT in chunks of {chunk:N0}, every migration's materialized views | {(seeding == TimeSpan.Zero ? "reused, not timed" : $"{seeding.TotalSeconds:N1} s ({(events + events / TrendsSeedSql.FeedbackEvery) / seeding.TotalSeconds:N0} events/s)")} | | |");
        Console.WriteLine($"| rollups of a newer migration backfilled (a reused seeding) | {backfill.TotalSeconds:N1} s | | |");
        Console.WriteLine($"| merges settling afterwards | {merging.TotalSeconds:N1} s | | |");
        Console.WriteLine($"| rows: explore_1h / article_audience_1h / feedback_explorer / feedback_search | {await ScalarAsync(client, $"SELECT count() FROM {Database}.explore_1h"):N0} / {await ScalarAsync(client, $"SELECT count() FROM {Database}.article_audience_1h"):N0} / {await ScalarAsync(client, $"SELECT count() FROM {Database}.feedback_explorer"):N0} / {await ScalarAsync(client, $"SELECT count() FROM {Database}.feedback_search"):N0} | | |");
        Console.WriteLine($"| feedback_search on disk (compressed) | {await ScalarAsync(client, $"SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '{Database}' AND table = 'feedback_search' AND active") / 1_000_000:N0} MB | | |");
        Console.WriteLine($"| peak RSS while seeding | {seedPeak} | | |");
        Console.WriteLine($"| data on disk | {TrendsBenchmark.DirectorySize(data) / 1_000_000:N0} MB | | |");

        await server.DisposeAsync();
        if (kept is null)
        {
            data.Delete(recursive: true);
        }
        return 0;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value), StringComparer.Ordinal));

    /// <summary>The seeded article ids (article-0 … article-3999) in stories of three versions, ar/en/fr.</summary>
    private static async Task RegisterArticlesAsync(ClickHouseClient client) =>
        await client.ExecuteNonQueryAsync($"""
            INSERT INTO {Database}.articles (article_id, url, language, title_ar, title_en, title_fr, topic, member_states, translation_group, published_at, updated_at)
            SELECT concat('article-', toString(number)), concat('https://www.icesco.org/', ['ar', 'en', 'fr'][1 + number % 3], '/article-', toString(number)),
                   ['ar', 'en', 'fr'][1 + number % 3], concat('قصة ', toString(intDiv(number, 3))), concat('Story ', toString(intDiv(number, 3))), concat('Récit ', toString(intDiv(number, 3))),
                   'education', ['MA'], concat('story-', toString(intDiv(number, 3))), NULL, now64(3)
            FROM numbers(4000)
            """, new ClickHouseParameterCollection(), QueryPurpose.Options("bench-articles"));

    /// <summary>
    /// Fills the rollups of a migration newer than a reused seeding (their materialized views saw none of its inserts)
    /// by running each view's own SELECT over the raw table. Nothing to do after a fresh seeding.
    /// </summary>
    private static async Task<TimeSpan> BackfillNewRollupsAsync(ClickHouseClient client)
    {
        var clock = Stopwatch.StartNew();
        var views = new List<(string Target, string Select)>();
        using (var reader = await client.ExecuteReaderAsync(
            // Our views are named {source}_to_{target}_mv (the migrations' convention).
            $"SELECT extract(name, '^(?:page_views|feedback)_to_(.+)_mv$'), as_select FROM system.tables WHERE database = '{Database}' AND engine = 'MaterializedView'",
            new ClickHouseParameterCollection(), QueryPurpose.Options("bench-views")))
        {
            while (reader.Read())
            {
                views.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        // Emptiness is decided before any insert: two views (page views, feedback) fill most rollups.
        var empty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in views.Select(v => v.Target).Where(t => t.Length > 0).Distinct())
        {
            if (await ScalarAsync(client, $"SELECT count() FROM {Database}.{target}") == 0)
            {
                empty.Add(target);
            }
        }
        foreach (var (target, select) in views)
        {
            if (!empty.Contains(target))
            {
                continue;
            }
            var step = Stopwatch.StartNew();
            // A view writes its columns by name; an INSERT … SELECT needs them named.
            var names = new List<string>();
            using (var described = await client.ExecuteReaderAsync($"DESCRIBE ({select})", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-describe")))
            {
                while (described.Read())
                {
                    names.Add(described.GetString(0));
                }
            }
            await client.ExecuteNonQueryAsync($"INSERT INTO {Database}.{target} ({string.Join(", ", names)}) {select}", new ClickHouseParameterCollection(), QueryPurpose.Options("bench-backfill"));
            Console.WriteLine($"backfilled {target} from its view's SELECT in {step.Elapsed.TotalSeconds:N1} s");
        }
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> WaitForMergesAsync(ClickHouseClient client)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(client, $"SELECT count() FROM system.merges WHERE database = '{Database}'") > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return clock.Elapsed;
    }

    private static async Task<Timing> TimeAsync<T>(int runs, Func<Task<T>> question)
    {
        for (var i = 0; i < 3; i++)
        {
            await question(); // warm: caches of marks and uncompressed blocks, the JIT
        }
        var took = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await question();
            took.Add(clock.Elapsed.TotalMilliseconds);
        }
        took.Sort();
        return new Timing(took[took.Count / 2], took[(int)Math.Ceiling(0.95 * took.Count) - 1]);
    }

    private static async Task<long> ScalarAsync(ClickHouseClient client, string sql) =>
        Convert.ToInt64(await client.ExecuteScalarAsync(sql, new ClickHouseParameterCollection(), QueryPurpose.Options("bench-count")), CultureInfo.InvariantCulture);

    private sealed record Timing(double P50, double P95);
}
