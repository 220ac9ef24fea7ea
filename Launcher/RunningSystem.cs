using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Launcher;

/// <summary>
/// The four services, started in dependency order (ClickHouse and its schema, then the Collector and the Jobs,
/// then the Dashboard, which links to the Jobs), each waited for until its <c>/health</c> is OK; stopped with
/// the Collector first (its log flushes into a ClickHouse still running), then the Jobs, the Dashboard and
/// ClickHouse last.
/// </summary>
internal sealed class RunningSystem(ServiceSpecs specs, ChildWatchdog watchdog, string database) : IAsyncDisposable
{
    private ChildService? clickHouse;
    private ChildService? collector;
    private ChildService? jobs;
    private ChildService? dashboard;

    public Uri ClickHouse { get; private set; } = null!;

    public SchemaMigrationResult Schema { get; private set; } = null!;

    public Uri Collector { get; private set; } = null!;

    public Uri Jobs { get; private set; } = null!;

    public Uri Dashboard { get; private set; } = null!;

    /// <summary>The Dashboard's first-run line with the admin's password, when this start created the admin.</summary>
    public string? FirstRunAdminLine => dashboard?.CapturedLine;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        clickHouse = ChildService.Start(specs.ClickHouse(), watchdog);
        ClickHouse = new Uri(await clickHouse.Ready.WaitAsync(cancellationToken).ConfigureAwait(false));
        Schema = await SchemaSetup.MigrateAsync(ClickHouse, database, cancellationToken).ConfigureAwait(false);

        collector = ChildService.Start(specs.Collector(ClickHouse), watchdog);
        jobs = ChildService.Start(specs.Jobs(ClickHouse), watchdog);
        (Collector, Jobs) = (await HealthyAsync(collector, cancellationToken).ConfigureAwait(false),
            await HealthyAsync(jobs, cancellationToken).ConfigureAwait(false));

        dashboard = ChildService.Start(specs.Dashboard(ClickHouse, Jobs), watchdog);
        Dashboard = await HealthyAsync(dashboard, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes, naming the service and its exit code, when a started service ends on its own: the system is no
    /// longer whole, and a run that only looks alive would hide it.
    /// </summary>
    public async Task<string> UnexpectedExitAsync()
    {
        var services = new[] { clickHouse, collector, jobs, dashboard }.OfType<ChildService>().ToList();
        var exited = await Task.WhenAny(services.Select(s => s.ExitedUnasked)).ConfigureAwait(false);
        var service = services.First(s => s.ExitedUnasked == exited);
        return $"the {service.Name} service exited on its own (code {await exited.ConfigureAwait(false)}); its last lines are above. Stopping the others.";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { collector, jobs, dashboard, clickHouse })
        {
            if (service is not null)
            {
                await service.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<Uri> HealthyAsync(ChildService service, CancellationToken cancellationToken)
    {
        var url = new Uri(await service.Ready.WaitAsync(cancellationToken).ConfigureAwait(false) + "/");
        await HealthProbe.WaitAsync(service, url, cancellationToken).ConfigureAwait(false);
        return url;
    }
}
