using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// <c>backfill --from DATE --to DATE</c>: computes the trends of every day and ISO week of a range, as the hourly job
/// does for recent ones, printing one line per period. Safe to repeat: periods are replaced, not added to.
/// </summary>
public sealed class BackfillCommand : JobsCommand
{
    public override string Name => "backfill";

    public override string Summary => "Compute trends for every day and ISO week of a date range";

    public override IReadOnlyList<CommandOption> Options { get; } =
    [
        new("--from", "DATE", "first day, yyyy-MM-dd (a local day in Trends:TimeZone)", Required: true),
        new("--to", "DATE", "last day, yyyy-MM-dd, included", Required: true),
    ];

    public override string Remarks =>
        "Days are computed first, then the ISO weeks (Monday to Sunday) touching the range, oldest first so each\n" +
        "period finds its baseline. A period computed before is replaced, not doubled: re-running is safe, and a\n" +
        "cancelled backfill is finished by running it again.\n" +
        $"Example: {JobsCommandLine.ProgramName} backfill --from 2026-01-05 --to 2026-03-01";

    public override void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrends();
    }

    public override CommandWork Bind(CommandArguments arguments)
    {
        var (from, to) = ReadRange(arguments);
        return (services, output, cancellationToken) => RunAsync(services, from, to, output, cancellationToken);
    }

    /// <summary>The range of days from <c>--from</c> and <c>--to</c>; refuses a range that ends before it starts.</summary>
    public static (DateOnly From, DateOnly To) ReadRange(CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var from = arguments.Date("--from");
        var to = arguments.Date("--to");
        return to < from
            ? throw new CommandLineException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.")
            : (from, to);
    }

    private static async Task RunAsync(IServiceProvider services, DateOnly from, DateOnly to, TextWriter output, CancellationToken cancellationToken)
    {
        var periods = TrendsJob.BackfillPeriods(from, to);
        var days = periods.Count(p => p.Kind == TrendPeriodKind.Day);
        var weeks = periods.Count - days;
        var zone = services.GetRequiredService<IOptions<TrendsOptions>>().Value.TimeZone;
        var database = services.GetRequiredService<IOptions<ClickHouseOptions>>().Value.Database;
        await output.WriteLineAsync(
            $"Trends backfill {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ({zone}) in database {database}: " +
            $"{days} day{(days == 1 ? "" : "s")} and {weeks} ISO week{(weeks == 1 ? "" : "s")}, {periods.Count} periods.").ConfigureAwait(false);

        var progress = new BackfillProgressPrinter(periods, output, services.GetRequiredService<TimeProvider>());
        try
        {
            await services.GetRequiredService<TrendsJob>().BackfillAsync(from, to, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync(
                $"Cancelled after {progress.Completed}/{periods.Count} periods; those are stored. Run the same command again to finish.").ConfigureAwait(false);
            throw;
        }
        await output.WriteLineAsync(progress.Summary()).ConfigureAwait(false);
    }
}
