using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>The launcher's command line (see <see cref="LaunchHelp"/>).</summary>
internal sealed record LaunchOptions(
    string DataDirectory, int ClickHousePort, int CollectorPort, int JobsPort, int DashboardPort, string Database, bool Demo,
    int DemoWeeks = 8, double DemoDailyViews = 2700)
{
    private static readonly HashSet<string> Valued =
        ["--data", "--clickhouse-port", "--collector-port", "--jobs-port", "--dashboard-port", "--database", "--demo-weeks", "--demo-daily-views"];

    private static readonly HashSet<string> Flags = ["--demo"];

    public static LaunchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Flags.Contains(args[i]))
            {
                flags.Add(args[i]);
                continue;
            }

            if (!Valued.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }

            values[args[i]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        }

        return new(
            Path.GetFullPath(values.GetValueOrDefault("--data", ".data")),
            Port(values, "--clickhouse-port", 8123),
            Port(values, "--collector-port", 5080),
            Port(values, "--jobs-port", 5082),
            Port(values, "--dashboard-port", 5081),
            values.GetValueOrDefault("--database", "icesco_insights"),
            flags.Contains("--demo"),
            Number(values, "--demo-weeks", 8, 1, 52),
            Number(values, "--demo-daily-views", 2700, 1, 10_000_000));
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        var number = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return number >= min && number <= max ? number : throw new ArgumentException($"{name} must be between {min} and {max}, not {number}.");
    }

    private static int Port(Dictionary<string, string> values, string name, int fallback)
    {
        var port = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return port is >= 0 and <= 65535 ? port : throw new ArgumentException($"{name} must be between 0 and 65535, not {port}.");
    }
}
