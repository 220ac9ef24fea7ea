using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.TestSupport;

/// <summary>
/// The embedded ClickHouse run as its own process (<c>--path DIR --port N</c>), so a test can stop
/// and restart it — the engine allows one instance per process, so an in-process one cannot restart.
/// </summary>
public sealed class EmbeddedClickHouseProcess : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private const string ReadyMarker = "Listening on ";

    private EmbeddedClickHouseProcess(ServiceProcess process, Uri endpoint)
    {
        Process = process;
        Endpoint = endpoint;
    }

    public ServiceProcess Process { get; }

    public Uri Endpoint { get; }

    public string ConnectionString => $"Host={Endpoint.Host};Port={Endpoint.Port};Protocol=http";

    /// <param name="dataPath">The engine's data directory; reuse it to restart on the same data.</param>
    /// <param name="port">0 for any free port; a fixed port lets clients reconnect after a restart.</param>
    /// <param name="extraArguments">More command-line options, e.g. <c>--password</c>.</param>
    public static Task<EmbeddedClickHouseProcess> StartAsync(string dataPath, int port = 0, params string[] extraArguments)
        => WhenReadyAsync(ServiceProcess.Start(Program, Arguments(dataPath, port, extraArguments)));

    /// <summary>As <see cref="StartAsync"/>, on a pseudo-terminal: what an operator at a console sees.</summary>
    public static Task<EmbeddedClickHouseProcess> StartInTerminalAsync(string dataPath, params string[] extraArguments)
        => WhenReadyAsync(ServiceProcess.StartInTerminal(Program, Arguments(dataPath, 0, extraArguments)));

    private static string Program => typeof(EmbeddedClickHouseServer).Assembly.Location;

    private static string[] Arguments(string dataPath, int port, string[] extraArguments)
        => ["--path", dataPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extraArguments];

    private static async Task<EmbeddedClickHouseProcess> WhenReadyAsync(ServiceProcess process)
    {
        var line = await process.WaitForLineAsync(ReadyMarker, Deadline);
        return new EmbeddedClickHouseProcess(process, new Uri(line[(line.IndexOf(ReadyMarker, StringComparison.Ordinal) + ReadyMarker.Length)..].Trim()));
    }

    public Task<int> StopAsync() => Process.StopAsync(Deadline);

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
