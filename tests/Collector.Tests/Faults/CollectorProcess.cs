using System.Globalization;
using System.Net.Sockets;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// The Collector as its own process, configured through the environment as an operator would, so a
/// test can kill it (SIGKILL) mid-flush and start it again on the same durable log.
/// </summary>
internal sealed class CollectorProcess : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private const string ReadyMarker = "Now listening on: ";

    private CollectorProcess(ServiceProcess process, Uri endpoint)
    {
        Process = process;
        Endpoint = endpoint;
    }

    public ServiceProcess Process { get; }

    public Uri Endpoint { get; }

    public static async Task<CollectorProcess> StartAsync(string clickHouse, string database, string logDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var process = Launch(clickHouse, database, logDirectory, settings);
        var line = await process.WaitForLineAsync(ReadyMarker, Deadline);
        return new CollectorProcess(process, EndpointIn(line));
    }

    /// <summary>
    /// Starts the Collector armed with a crash point; null when it reached that point and killed itself before
    /// it was listening (e.g. while sending the batch a previous crash left pending) — a kill like any other.
    /// </summary>
    public static async Task<CollectorProcess?> StartUnlessCrashedAsync(string clickHouse, string database, string logDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var process = Launch(clickHouse, database, logDirectory, settings);
        if (await process.WaitForLineOrExitAsync(ReadyMarker, Deadline) is { } line)
        {
            return new CollectorProcess(process, EndpointIn(line));
        }
        Assert.True(process.Output.Contains("crash point ", StringComparison.Ordinal), "the Collector exited before listening, not at its crash point:\n" + process.Output);
        await process.DisposeAsync();
        return null;
    }

    private static Uri EndpointIn(string line) => new(line[(line.IndexOf(ReadyMarker, StringComparison.Ordinal) + ReadyMarker.Length)..].Trim() + "/");

    private static ServiceProcess Launch(string clickHouse, string database, string logDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ClickHouse__ConnectionString"] = clickHouse,
            ["ClickHouse__Database"] = database,
            ["DurableLog__Directory"] = logDirectory,
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",

            // appsettings.json names an endpoint, which wins over --urls.
            ["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return ServiceProcess.Start(Path.Combine(AppContext.BaseDirectory, "Icesco.Insights.Collector.dll"), [], environment);
    }

    /// <summary>A loopback port free right now, for a server that must come back on the same address.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    public override string ToString() => Endpoint.ToString() + " pid " + Process.Id.ToString(CultureInfo.InvariantCulture);
}
