using System.Globalization;

namespace Icesco.Insights.Launcher.Demo;

/// <summary>Runs a command of the Jobs executable (<c>backfill</c>, <c>report</c>) as a child process with the service's settings.</summary>
internal sealed class JobsCommandRunner(ServiceSpecs specs, Uri clickHouse, ChildWatchdog watchdog)
{
    public Task BackfillAsync(DemoRange range, CancellationToken cancellationToken) => RunAsync(
        "jobs backfill",
        ["backfill", "--from", Day(range.From), "--to", Day(range.To)],
        cancellationToken);

    /// <summary>The report of the last complete ISO week (the command's default week, in Trends:TimeZone).</summary>
    public Task ReportLastWeekAsync(CancellationToken cancellationToken) => RunAsync("jobs report", ["report"], cancellationToken);

    private async Task RunAsync(string label, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await using var command = ChildService.Start(specs.JobsCommand(clickHouse, label, arguments), watchdog);
        var exitCode = await command.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{label} failed with exit code {exitCode}.");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
