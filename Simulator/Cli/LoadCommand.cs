using Icesco.Insights.Simulator.Data;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Load;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Cli;

/// <summary><c>load</c>: the load generator.</summary>
internal static class LoadCommand
{
    public const string Help = """
        Usage: simulator load [options]

        Posts realistic event batches to POST /api/v1/events at a fixed rate (open loop) and reports
        the achieved rate, latency percentiles and errors by status. Raise the Collector's per-IP
        limit first (Ingestion__RateLimit__PermitLimit), or the run measures its 429s.

          --url URL             the Collector (default http://127.0.0.1:5080/)
          --rate N              target events per second (default 1000)
          --duration TIME       how long: 30s, 5m, hh:mm:ss (default 30s)
          --batch N             events per request, at most 1000 (default 100)
          --concurrency N       most requests in flight (default 64)
          --visitors N          distinct simulated browsers (default 5000)
          --seed N              seed of the events (default 1)
          --data DIR            folder with articles.jsonl and member-states.csv (default: found)
          --country-header NAME header carrying the visitor's country (default CF-IPCountry)
        """;

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Flag("help"))
        {
            Console.WriteLine(Help);
            return 0;
        }
        var url = new Uri(args.String("url", "http://127.0.0.1:5080/")!);
        var options = new LoadOptions
        {
            Rate = args.Parse("rate", 1000.0),
            Duration = args.Duration("duration", TimeSpan.FromSeconds(30)),
            Batch = args.Parse("batch", 100),
            Concurrency = args.Parse("concurrency", 64),
            Visitors = args.Parse("visitors", 5000),
            Seed = args.Parse("seed", 1),
            DataDirectory = args.String("data"),
            CountryHeader = args.String("country-header", CollectorClient.DefaultCountryHeader)!,
        };
        args.RejectUnknown();
        options.Validate();

        var data = IcescoData.Load(DataLocator.Find(options.DataDirectory));
        var now = TimeProvider.System.GetUtcNow();
        var model = new TrafficModel(data, options.Seed, options.Visitors, now - TimeSpan.FromDays(7), now);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var report = await new LoadGenerator(model, new CollectorClient(http, options.CountryHeader), options, TimeProvider.System)
            .RunAsync(new ConsoleProgress(), cancellationToken);
        Console.WriteLine(report);
        return 0;
    }
}
