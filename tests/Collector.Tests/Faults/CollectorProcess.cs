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

        var process = ServiceProcess.Start(
            Path.Combine(AppContext.BaseDirectory, "Icesco.Insights.Collector.dll"), [], environment);
        var line = await process.WaitForLineAsync(ReadyMarker, Deadline);
        return new CollectorProcess(process, new Uri(line[(line.IndexOf(ReadyMarker, StringComparison.Ordinal) + ReadyMarker.Length)..].Trim() + "/"));
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
