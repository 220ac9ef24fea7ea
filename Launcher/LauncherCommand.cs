using System.Globalization;
using System.Runtime.InteropServices;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Launcher;

/// <summary>
/// The one command that runs Icesco.Insights on this machine: the embedded ClickHouse as its own
/// process (as docker-compose runs the server), the schema migrated, then waits for Ctrl+C.
/// </summary>
internal static class LauncherCommand
{
    private const string Usage = """
        Icesco.Insights — feedback and analytics for the ICESCO news website, run locally.

        Usage:
          ./run.sh [options]

        Options:
          --data DIR             where data is kept between runs (default ./.data)
          --clickhouse-port N    port of the embedded ClickHouse HTTP interface (default 8123)
          --collector-port N     port of the Collector, the website's ingestion API (default 5080)
          --database NAME        ClickHouse database of the system (default icesco_insights)
          -h, --help             show this help

        It starts the embedded ClickHouse (the real engine, no Docker or server needed; the engine
        library is fetched once, about 170 MB, into ~/.cache/icesco-insights), applies the schema
        migrations, seeds the reference data (member states, topics), starts the Collector (the
        website's ingestion API and snippet), prints where everything is, and keeps running until
        Ctrl+C. Ctrl+C stops the Collector first, so it flushes its log into ClickHouse.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("-h") || args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        LaunchOptions options;
        try
        {
            options = LaunchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\nRun with --help for usage.").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        Console.WriteLine("Starting Icesco.Insights on the embedded ClickHouse…");
        await using var clickhouse = ChildService.Start(
            "clickhouse",
            typeof(EmbeddedClickHouseServer).Assembly.Location,
            ["--path", Path.Combine(options.DataDirectory, "clickhouse"), "--port", options.ClickHousePort.ToString(CultureInfo.InvariantCulture)],
            readyMarker: "Listening on ");
        try
        {
            var endpoint = new Uri(await clickhouse.Ready.WaitAsync(stop.Token).ConfigureAwait(false));
            var result = await MigrateAsync(endpoint, options.Database, stop.Token).ConfigureAwait(false);
            await using var collector = StartCollector(options, endpoint);
            var collectorUrl = new Uri(await collector.Ready.WaitAsync(stop.Token).ConfigureAwait(false) + "/");
            PrintReady(endpoint, result, collectorUrl);
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopping…");
        }
        catch (Exception e) when (e is InvalidOperationException or SchemaMigrationException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static async Task<SchemaMigrationResult> MigrateAsync(Uri endpoint, string database, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = $"Host={endpoint.Host};Port={endpoint.Port};Protocol=http",
            ["ClickHouse:Database"] = database,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
                .AddFilter("System.Net.Http", LogLevel.Warning).AddFilter("ClickHouse", LogLevel.Warning))
            .AddSchemaMigrations(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        return await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ChildService StartCollector(LaunchOptions options, Uri clickHouse) => ChildService.Start(
        "collector",
        ServiceAssemblies.Of("collector"),
        [],
        readyMarker: "Now listening on: ",
        new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{options.CollectorPort.ToString(CultureInfo.InvariantCulture)}",
            ["ClickHouse__ConnectionString"] = $"Host={clickHouse.Host};Port={clickHouse.Port};Protocol=http",
            ["ClickHouse__Database"] = options.Database,

            // The launcher has just migrated; the schema has one owner per run.
            ["ClickHouse__Migrations__ApplyOnStart"] = "false",
            ["DurableLog__Directory"] = Path.Combine(options.DataDirectory, "collector-log"),
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });

    private static void PrintReady(Uri endpoint, SchemaMigrationResult result, Uri collector)
    {
        var applied = result.Applied.Count == 0 ? "schema already current" : $"applied {string.Join(", ", result.Applied.Select(m => m.Name))}";
        var query = Uri.EscapeDataString($"SHOW TABLES FROM {result.Database}");
        Console.WriteLine($"""

            Icesco.Insights is running.
              ClickHouse (embedded)  {endpoint}   database {result.Database}: {applied}
              Reference data         {result.SeededMemberStates} member states, {result.SeededTopics} topics newly seeded
              Try                    curl '{endpoint}?query={query}'
              ClickHouse.Driver      Host={endpoint.Host};Port={endpoint.Port};Database={result.Database}
              Collector              {collector}api/v1/events   (OpenAPI: {collector}openapi/v1.json)
              Website snippet        <script src="{collector}insights.js" async></script>
              Health                 {collector}health

            Press Ctrl+C to stop.
            """);
    }
}
