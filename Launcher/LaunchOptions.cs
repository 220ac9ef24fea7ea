using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>The launcher's command line.</summary>
internal sealed record LaunchOptions(string DataDirectory, int ClickHousePort, int CollectorPort, string Database)
{
    private static readonly HashSet<string> Known = ["--data", "--clickhouse-port", "--collector-port", "--database"];

    public static LaunchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }

            values[args[i]] = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
        }

        return new(
            Path.GetFullPath(values.GetValueOrDefault("--data", ".data")),
            Port(values, "--clickhouse-port", 8123),
            Port(values, "--collector-port", 5080),
            values.GetValueOrDefault("--database", "icesco_insights"));
    }

    private static int Port(Dictionary<string, string> values, string name, int fallback)
    {
        var port = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return port is >= 0 and <= 65535 ? port : throw new ArgumentException($"{name} must be between 0 and 65535, not {port}.");
    }
}
