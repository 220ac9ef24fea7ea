using System.Globalization;
using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.Launcher;

/// <summary>
/// Each service's command and settings, as docker-compose's environment would give them: the same ClickHouse,
/// its port, and its files under the data folder.
/// </summary>
internal sealed class ServiceSpecs(LaunchOptions options, ArticlesApiKey articlesKey)
{
    /// <summary>The line the Dashboard prints once when it creates the admin (see Dashboard/Auth/FirstRunAdmin).</summary>
    public const string FirstRunMarker = "Dashboard first run: ";

    private const string KestrelReady = "Now listening on: ";

    public string ReportsDirectory => Path.Combine(options.DataDirectory, "reports");

    public string DashboardDirectory => Path.Combine(options.DataDirectory, "dashboard");

    public ChildSpec ClickHouse() => new(
        "clickhouse",
        typeof(EmbeddedClickHouseServer).Assembly.Location,
        ["--path", Path.Combine(options.DataDirectory, "clickhouse"), "--port", Port(options.ClickHousePort)],
        new Dictionary<string, string>(),
        ReadyMarker: "Listening on ");

    public ChildSpec Collector(Uri clickHouse) => Service("collector", options.CollectorPort, clickHouse, new()
    {
        ["DurableLog__Directory"] = Path.Combine(options.DataDirectory, "collector-log"),
        ["Articles__ApiKeys__0__Name"] = ArticlesApiKey.Name,
        ["Articles__ApiKeys__0__Sha256"] = articlesKey.Sha256,
    });

    public ChildSpec Jobs(Uri clickHouse) => Service("jobs", options.JobsPort, clickHouse, JobsSettings());

    /// <summary>A Jobs command (<c>backfill …</c>, <c>report …</c>) run once with the Jobs service's settings.</summary>
    public ChildSpec JobsCommand(Uri clickHouse, string label, IReadOnlyList<string> arguments)
        => new(label, ServiceAssemblies.Of("jobs"), arguments, Common(clickHouse, JobsSettings()), ReadyMarker: null);

    public ChildSpec Dashboard(Uri clickHouse, Uri jobs) => Service("dashboard", options.DashboardPort, clickHouse, new()
    {
        ["Dashboard__DataDirectory"] = DashboardDirectory,
        ["Dashboard__JobsDashboardUrl"] = new Uri(jobs, "hangfire").ToString(),

        // Run from its build output (not a publish folder), the Dashboard's static files are in its project.
        ["ASPNETCORE_WEBROOT"] = ServiceAssemblies.WebRootOf("dashboard"),
    }) with { CaptureMarker = FirstRunMarker };

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> JobsSettings() => new()
    {
        ["Reports__Directory"] = ReportsDirectory,
    };

    private ChildSpec Service(string name, int port, Uri clickHouse, Dictionary<string, string> settings)
    {
        var environment = Common(clickHouse, settings);
        environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{Port(port)}";
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return new(name, ServiceAssemblies.Of(name), [], environment, KestrelReady);
    }

    private Dictionary<string, string> Common(Uri clickHouse, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(settings)
        {
            ["ClickHouse__ConnectionString"] = $"Host={clickHouse.Host};Port={clickHouse.Port};Protocol=http",
            ["ClickHouse__Database"] = options.Database,

            // The launcher has just migrated; the schema has one owner per run.
            ["ClickHouse__Migrations__ApplyOnStart"] = "false",
        };
        return environment;
    }
}
