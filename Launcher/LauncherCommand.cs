using System.Diagnostics;
using System.Runtime.InteropServices;
using Icesco.Insights.Launcher.Demo;
using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Launcher;

/// <summary>
/// The one command that runs Icesco.Insights on this machine: the embedded ClickHouse, the Collector, the Jobs
/// and the Dashboard as their own processes (as docker-compose runs them), the demo data on a first run, until
/// Ctrl+C (<see cref="LaunchHelp"/>).
/// </summary>
internal static class LauncherCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("-h") || args.Contains("--help"))
        {
            Console.WriteLine(LaunchHelp.Text);
            return 0;
        }

        LaunchOptions options;
        try
        {
            options = LaunchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\nRun with --help for usage.").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; stop.Cancel(); });

        Console.WriteLine($"Starting Icesco.Insights (data in {options.DataDirectory})…");
        var clock = Stopwatch.StartNew();
        var articlesKey = ArticlesApiKey.LoadOrCreate(options.DataDirectory);
        var specs = new ServiceSpecs(options, articlesKey);
        using var watchdog = ChildWatchdog.Start();
        var system = new RunningSystem(specs, watchdog, options.Database);
        Task demo = Task.CompletedTask;
        string? failure = null;
        try
        {
            await system.StartAsync(stop.Token).ConfigureAwait(false);
            ReadySummary.Print(system, specs, articlesKey, clock.Elapsed);
            var seeding = new DemoSeeding(
                new SimulatorDemoTraffic(options.DemoWeeks, options.DemoDailyViews, liveRate: 2),
                new JobsCommandRunner(specs, system.ClickHouse, watchdog),
                new DemoTarget(system.Collector, articlesKey.Key),
                options.DataDirectory);
            demo = seeding.RunAsync(options.Demo, system.Schema.Applied.Count > 0, stop.Token);

            // Runs until Ctrl+C or until a service ends on its own; the demo seeding reports its own failures.
            var crashed = system.UnexpectedExitAsync();
            if (await Task.WhenAny(Task.Delay(Timeout.Infinite, stop.Token), crashed).ConfigureAwait(false) == crashed)
            {
                failure = await crashed.ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine("Stopping…");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopping…");
        }
        catch (Exception e) when (e is InvalidOperationException or SchemaMigrationException or HttpRequestException)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            await Console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
        }
        await stop.CancelAsync().ConfigureAwait(false); // ends the demo seeding, if it still runs
        await StopAsync(system, demo).ConfigureAwait(false);
        Console.WriteLine("Stopped.");
        return failure is null ? 0 : 1;
    }

    private static async Task StopAsync(RunningSystem system, Task demo)
    {
        try
        {
            await demo.ConfigureAwait(false); // its Jobs command, if any, is stopped before the services
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C during the demo seeding: its Jobs command was stopped.
        }

        await system.DisposeAsync().ConfigureAwait(false);
    }
}
