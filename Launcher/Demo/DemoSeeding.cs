namespace Icesco.Insights.Launcher.Demo;

/// <summary>
/// On the first run of a data folder (or with <c>--demo</c>): the demo history, the trends of its range, the
/// weekly report of the last complete week, then the live trickle. A marker file records a finished seeding,
/// so later runs only trickle; a seeding stopped half-way is done again next time.
/// </summary>
internal sealed class DemoSeeding(IDemoTraffic traffic, JobsCommandRunner jobs, DemoTarget target, string dataDirectory)
{
    private const string MarkerFile = "demo-seeded";

    private string MarkerPath => Path.Combine(dataDirectory, MarkerFile);

    /// <param name="requested">--demo: seed again even if this data folder was seeded.</param>
    /// <param name="freshDatabase">The schema was created by this start: the first run of the data folder.</param>
    /// <param name="cancellationToken">Ctrl+C: a running Jobs command is stopped, the marker is not written.</param>
    public async Task RunAsync(bool requested, bool freshDatabase, CancellationToken cancellationToken)
    {
        try
        {
            await SeedAndTrickleAsync(requested, freshDatabase, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            // The services keep running without demo data; the next start (or --demo) tries again.
            await Console.Error.WriteLineAsync($"[demo] failed: {e.Message}").ConfigureAwait(false);
        }
    }

    private async Task SeedAndTrickleAsync(bool requested, bool freshDatabase, CancellationToken cancellationToken)
    {
        var progress = new Progress<string>(line => Console.Error.WriteLine($"[demo] {line}"));
        if (traffic.Unavailable is { } reason)
        {
            Console.WriteLine($"Demo data: {reason}.");
            if (requested || freshDatabase)
            {
                // The report of the last complete week exists right after the first start, if only on live events.
                // No marker: once the Simulator is built, this data folder is seeded on its next start.
                await jobs.ReportLastWeekAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine("Demo data: the weekly report of the last complete week is rendered.");
            }

            return;
        }

        if (requested || !File.Exists(MarkerPath))
        {
            Console.WriteLine("Demo data: posting the demo history through the Collector…");
            var range = await traffic.SeedHistoryAsync(target, progress, cancellationToken).ConfigureAwait(false);
            await jobs.BackfillAsync(range, cancellationToken).ConfigureAwait(false);
            await jobs.ReportLastWeekAsync(cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(MarkerPath, $"{range.From:yyyy-MM-dd} {range.To:yyyy-MM-dd}\n", cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Demo data: history {range.From:yyyy-MM-dd} to {range.To:yyyy-MM-dd} seeded and its trends computed.");
            Console.WriteLine("Demo data: the weekly report of the last complete week is rendered.");
        }

        Console.WriteLine("Demo data: live trickle running.");
        await traffic.TrickleAsync(target, progress, cancellationToken).ConfigureAwait(false);
    }
}
