using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Icesco.Insights.EmbeddedClickHouse.Library;

namespace Icesco.Insights.EmbeddedClickHouse;

/// <summary>The command line of the standalone endpoint: serve, or fetch the engine and exit.</summary>
public static class EmbeddedClickHouseCommand
{
    private const string Usage = """
        Embedded ClickHouse: the real ClickHouse engine (chDB) behind ClickHouse's HTTP interface.

        Usage:
          Icesco.Insights.EmbeddedClickHouse [options]        serve until Ctrl+C / SIGTERM
          Icesco.Insights.EmbeddedClickHouse fetch-engine     fetch and verify the engine library, print its path

        Options:
          --path DIR         data directory (default ./.data/clickhouse)
          --host ADDRESS     address to bind (default 127.0.0.1; 0.0.0.0 to expose it)
          --port N           HTTP port (default 8123; 0 picks a free one)
          --user NAME        user name clients must give with the password (default "default")
          --password TEXT    require this password (or ICESCO_CLICKHOUSE_PASSWORD); none by default
          --pool-size N      engine connections serving queries concurrently (default 16)
          --library FILE     use this libchdb.so instead of the cached one (or ICESCO_CHDB_LIBRARY)
          --log-level LEVEL  how much the engine logs: none, fatal, critical, error (default), warning,
                             notice, information, debug, trace, test; its lines are printed at their
                             own level, and its log is kept in DIR/log/engine.log
          -h, --help         show this help

        The engine library (about 560 MB) is fetched once with npm into ~/.cache/icesco-insights
        (ICESCO_CACHE_DIR or XDG_CACHE_HOME move it) and checked against a pinned sha512.
        Try it: curl 'http://127.0.0.1:8123/?query=SELECT%20version()'
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("-h") || args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        try
        {
            if (args.FirstOrDefault() == "fetch-engine")
            {
                Console.WriteLine(await ChdbLibraryLocator.LocateAsync(ValueOf(args, "--library")).ConfigureAwait(false));
                return 0;
            }

            var options = Parse(args);
            await using var server = await EmbeddedClickHouseServer.StartAsync(options).ConfigureAwait(false);
            Console.WriteLine($"Embedded ClickHouse {server.EngineVersion} serving data in {Path.GetFullPath(options.DataPath)}");
            Console.WriteLine($"Listening on {server.Endpoint}");
            Console.WriteLine($"Connection string: {server.ConnectionString}");
            await server.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or ValidationException or FileNotFoundException
            or InvalidOperationException or InvalidDataException or IOException or PlatformNotSupportedException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return 2;
        }
    }

    private static EmbeddedClickHouseOptions Parse(string[] args)
    {
        var known = new HashSet<string> { "--path", "--host", "--port", "--user", "--password", "--pool-size", "--library", "--log-level" };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value.");
            }
        }

        var options = new EmbeddedClickHouseOptions();
        options.DataPath = ValueOf(args, "--path") ?? options.DataPath;
        options.Host = ValueOf(args, "--host") ?? options.Host;
        options.Port = ValueOf(args, "--port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : options.Port;
        options.User = ValueOf(args, "--user") ?? options.User;
        options.Password = ValueOf(args, "--password") ?? Environment.GetEnvironmentVariable("ICESCO_CLICKHOUSE_PASSWORD");
        options.PoolSize = ValueOf(args, "--pool-size") is { } size ? int.Parse(size, CultureInfo.InvariantCulture) : options.PoolSize;
        options.LibraryPath = ValueOf(args, "--library");
        options.LogLevel = ValueOf(args, "--log-level") ?? options.LogLevel;
        return options;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
