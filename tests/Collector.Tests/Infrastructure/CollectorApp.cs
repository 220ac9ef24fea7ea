using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Icesco.Insights.Collector.Tests.Infrastructure;

/// <summary>
/// The Collector in process (WebApplicationFactory) over the shared embedded engine, with a database
/// and a durable-log directory of its own. Settings can be overridden per test.
/// </summary>
public sealed class CollectorApp : WebApplicationFactory<CollectorService>
{
    private readonly Dictionary<string, string?> settings;

    public CollectorApp(EngineFixture engine, IDictionary<string, string?>? overrides = null)
    {
        Database = "c_" + Guid.NewGuid().ToString("N")[..12];
        LogDirectory = Directory.CreateTempSubdirectory("icesco-collector-log-");
        settings = new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = Database,
            ["DurableLog:Directory"] = LogDirectory.FullName,

            // The Collector migrates in the background in production; tests want the schema there
            // once the host has started (the background path has its own fault test).
            ["ClickHouse:Migrations:BlockStartup"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string Database { get; }

    public DirectoryInfo LogDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && LogDirectory.Exists)
        {
            LogDirectory.Delete(recursive: true);
        }
    }
}
