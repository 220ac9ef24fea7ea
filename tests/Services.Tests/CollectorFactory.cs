using Icesco.Insights.Collector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Icesco.Insights.Services.Tests;

/// <summary>
/// The Collector for tests of the shared service defaults: its own durable-log directory, no schema
/// migration (these tests are not about ClickHouse; the Collector's own tests run it on the real engine).
/// </summary>
public sealed class CollectorFactory : WebApplicationFactory<CollectorService>
{
    private readonly DirectoryInfo log = Directory.CreateTempSubdirectory("icesco-services-log-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
        => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = "Host=127.0.0.1;Port=1",
            ["ClickHouse:Migrations:ApplyOnStart"] = "false",
            ["DurableLog:Directory"] = log.FullName,
        }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && log.Exists)
        {
            log.Delete(recursive: true);
        }
    }
}
