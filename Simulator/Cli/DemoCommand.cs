using System.Globalization;
using Icesco.Insights.Simulator.Demo;

namespace Icesco.Insights.Simulator.Cli;

/// <summary><c>demo</c>: register the real articles, post weeks of history, then optionally a live trickle.</summary>
internal static class DemoCommand
{
    public const string ApiKeyVariable = "ICESCO_ARTICLES_API_KEY";

    public const string Help = """
        Usage: simulator demo [options]

        Registers the real ICESCO articles (shared/data/articles.jsonl) through the articles API, then
        posts weeks of page views and ratings to POST /api/v1/events as the website would.

          --url URL             the Collector (default http://127.0.0.1:5080/)
          --api-key KEY         key of the articles API (X-Api-Key); default $ICESCO_ARTICLES_API_KEY
          --api-key-file PATH   read the key from a file instead (the run command's articles-api-key)
          --weeks N             weeks of history ending now (default 8)
          --seed N              same seed and --end, same events (default 1)
          --end ISO-TIME        end of the history (default now)
          --daily-views N       average page views per day (default 2700: ~150,000 over 8 weeks)
          --visitors N          distinct simulated browsers (default 500)
          --batch N             events per request, at most 1000 (default 1000)
          --concurrency N       requests in flight (default 4)
          --live RATE           then keep posting about RATE events/s until Ctrl-C (default 0: stop)
          --data DIR            folder with articles.jsonl and member-states.csv (default: found)
          --country-header NAME header carrying the visitor's country (default CF-IPCountry; the
                                Collector uses it when Ingestion:CountryHeader names it)
        """;

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        if (args.Flag("help"))
        {
            Console.WriteLine(Help);
            return 0;
        }
        var url = new Uri(args.String("url", "http://127.0.0.1:5080/")!);
        var keyFile = args.String("api-key-file");
        var key = args.String("api-key") ?? (keyFile is not null ? (await File.ReadAllTextAsync(keyFile, cancellationToken)).Trim() : null)
            ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        var endText = args.String("end");
        var options = new DemoOptions
        {
            Weeks = args.Parse("weeks", 8),
            Seed = args.Parse("seed", 1),
            End = endText is null ? null : DateTimeOffset.Parse(endText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DailyViews = args.Parse("daily-views", 2700.0),
            Visitors = args.Parse("visitors", 500),
            Batch = args.Parse("batch", 1000),
            Concurrency = args.Parse("concurrency", 4),
            LiveRate = args.Parse("live", 0.0),
            DataDirectory = args.String("data"),
            CountryHeader = args.String("country-header", Http.CollectorClient.DefaultCountryHeader)!,
        };
        args.RejectUnknown();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"The articles API key is needed: --api-key, --api-key-file or ${ApiKeyVariable}.");
        }
        await DemoHistory.RunAsync(url, key, options, new ConsoleProgress(), cancellationToken);
        return 0;
    }
}
