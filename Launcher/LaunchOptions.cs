using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>The launcher's command line.</summary>
internal sealed record LaunchOptions(string DataDirectory, int ClickHousePort, string Database)
{
    private static readonly HashSet<string> Known = ["--data", "--clickhouse-port", "--database"];

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

        var port = values.TryGetValue("--clickhouse-port", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 8123;
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"--clickhouse-port must be between 0 and 65535, not {port}.");
        }

        return new(
            Path.GetFullPath(values.GetValueOrDefault("--data", ".data")),
            port,
            values.GetValueOrDefault("--database", "icesco_insights"));
    }
}
