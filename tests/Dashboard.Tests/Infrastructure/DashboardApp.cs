using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>
/// The Dashboard in process over the shared engine, reading <paramref name="database"/>, with a data directory of
/// its own and the <see cref="TestUsers"/> (unless <paramref name="withUsers"/> is false).
/// </summary>
public sealed class DashboardApp(EngineFixture engine, string database, IDictionary<string, string?>? overrides = null, bool withUsers = true)
    : WebApplicationFactory<DashboardService>
{
    // Each app's asp-append-version watches wwwroot with an inotify instance until the app is disposed; a test run
    // holds dozens of apps and Linux allows 128 instances per user by default (the full suite passed that limit and
    // sign-ins failed with IOException). Polling needs no inotify instance; nothing in the tests changes wwwroot.
    static DashboardApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public DirectoryInfo DataDirectory { get; } = Directory.CreateTempSubdirectory("icesco-dashboard-data-");

    /// <summary>When set, receives every log line of the app besides its usual providers.</summary>
    public CapturedLogs? Logs { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
            ["Dashboard:DataDirectory"] = DataDirectory.FullName,
            // A shorter tick than production's, so the deadlines below stay far from the measured latency.
            ["Dashboard:Live:Tick"] = "00:00:00.250",
        };
        foreach (var (key, value) in withUsers ? TestUsers.Settings() : new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        builder.UseEnvironment("Testing");
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        // Also as host settings: those are visible while Program.cs registers services (Dashboard:ScaleOut:Redis
        // decides there whether a backplane exists); app configuration from a factory arrives only at Build().
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DataDirectory.Exists)
        {
            DataDirectory.Delete(recursive: true);
        }
    }
}
