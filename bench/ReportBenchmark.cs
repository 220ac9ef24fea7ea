using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ClickHouse.Driver;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Bench;

/// <summary>
/// The weekly report: a fresh embedded engine, N page views over 9 ISO weeks (as the trends benchmark seeds them),
/// the weekly trends, then the report of the last week rendered several times — the panels' queries, the rendering
/// of each language (PDF and HTML) and the whole job (trends of the week, queries, rendering, storage).
/// dotnet run -c Release --project bench -- report [--events N] [--repeat N] [--out DIR] (DIR keeps the rendered files).
/// </summary>
internal static class ReportBenchmark
{
    private const string Database = "bench_report";
    private static readonly DateOnly FirstDay = new(2026, 1, 5);
    private static readonly IsoWeek Week = IsoWeek.Containing(FirstDay.AddDays(8 * 7));

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 5_000_000L);
        var repeat = (int)Option(args, "--repeat", 5L);
        var data = Directory.CreateTempSubdirectory("icesco-bench-report-");
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = server.ConnectionString + ";Timeout=3600",
            ["ClickHouse:Database"] = Database,
            ["Reports:Directory"] = Path.Combine(data.FullName, "reports"),
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSchemaMigrations(configuration);
        services.AddReports();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ClickHouseClient>();

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {server.EngineVersion}");
        Console.WriteLine($"events: {events:N0} page views over 9 ISO weeks from {FirstDay:yyyy-MM-dd}; report of {Week}, {repeat} times");
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await TrendsBenchmark.SeedAsync(client, Database, events, 2_500_000);
        var trends = provider.GetRequiredService<TrendsJob>();
        for (var week = 0; week < 9; week++)
        {
            await trends.ComputeAsync(TrendPeriodKind.Week, FirstDay.AddDays(7 * week), CancellationToken.None);
        }

        var reader = provider.GetRequiredService<ReportDataReader>();
        var renderer = provider.GetRequiredService<ReportRenderer>();
        var job = provider.GetRequiredService<WeeklyReportJob>();
        var read = new List<double>();
        var render = ReportLanguage.All.ToDictionary(l => l.Code, _ => new List<double>());
        var allLanguages = new List<double>();
        var whole = new List<double>();
        IReadOnlyList<ReportFile> files = [];
        for (var i = 0; i <= repeat; i++) // the first round warms up (fonts, JIT) and is not counted
        {
            var clock = Stopwatch.StartNew();
            var report = await reader.ReadAsync(Week, CancellationToken.None);
            var reading = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            files = renderer.Render(report, ReportLanguage.All);
            var rendering = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await job.GenerateAsync(Week, send: false, CancellationToken.None);
            var generating = clock.Elapsed.TotalMilliseconds;
            if (i == 0)
            {
                Console.WriteLine($"warm-up: read {reading:F0} ms, render {rendering:F0} ms, whole job {generating:F0} ms");
                continue;
            }
            read.Add(reading);
            allLanguages.Add(rendering);
            whole.Add(generating);
            foreach (var language in ReportLanguage.All)
            {
                render[language.Code].Add(files.Where(f => f.Language == language.Code).Sum(f => f.RenderTime.TotalMilliseconds));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| measure ({events:N0} page views; median of {repeat}) | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine($"| panel queries of the report ({provider.GetRequiredService<Icesco.Insights.Panels.PanelCatalog>().ReportPanels.Count} panels) and names | {Median(read):F0} ms |");
        foreach (var language in ReportLanguage.All)
        {
            var pdf = files.Single(f => f.Language == language.Code && f.Format == "pdf");
            var html = files.Single(f => f.Language == language.Code && f.Format == "html");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| rendering {language.Code}: PDF ({pdf.Pages} pages, {pdf.Content.Length / 1024:N0} KiB) + HTML ({html.Content.Length / 1024:N0} KiB) | {Median(render[language.Code]):F0} ms |"));
        }
        Console.WriteLine($"| rendering all three languages | {Median(allLanguages):F0} ms |");
        Console.WriteLine($"| the whole job: week's trends, queries, three languages, storage | {Median(whole):F0} ms |");
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex >= 0)
        {
            Directory.CreateDirectory(args[outIndex + 1]);
            foreach (var file in files)
            {
                await File.WriteAllBytesAsync(Path.Combine(args[outIndex + 1], file.FileName), file.Content);
            }
            Console.WriteLine($"files: {Path.GetFullPath(args[outIndex + 1])}");
        }
        await server.DisposeAsync();
        data.Delete(recursive: true);
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
