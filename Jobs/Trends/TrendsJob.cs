using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>
/// Computes trends per day and ISO week for every dimension and overwrites the period's rows.
/// Periods are computed at run time from the clock; a run may be repeated (its rows are replaced). A period that has
/// not ended yet is stored as in progress (<see cref="TrendAnomaly.InProgress"/>): compared with the same elapsed time
/// of the period before, and given no anomaly verdict; the hourly run computes it again once it has ended.
/// </summary>
public sealed partial class TrendsJob(
    PeriodEngagementQuery engagement,
    TrendHistoryQuery history,
    TrendRowWriter writer,
    IOptions<TrendsOptions> options,
    TimeProvider time,
    ILogger<TrendsJob> logger)
{
    /// <summary>Computes and stores one period; returns the number of rows written.</summary>
    public async Task<int> ComputeAsync(TrendPeriodKind kind, DateOnly start, CancellationToken cancellationToken)
    {
        var period = TrendPeriod.Containing(kind, start);
        var settings = options.Value;
        var zone = settings.ResolveTimeZone();
        var (from, to) = period.ToUtc(zone);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var rows = new List<TrendRow>();
        foreach (var dimension in TrendDimension.All)
        {
            var now = await engagement.ReadAsync(dimension, from, to, cancellationToken).ConfigureAwait(false);
            var past = await history.ReadAsync(period, dimension, AnomalyRule.BaselinePeriods, cancellationToken).ConfigureAwait(false);
            var comparison = PeriodComparison.Whole;
            if (nowUtc < to)
            {
                var (previousFrom, previousTo) = PeriodComparison.SameElapsedBefore(from, period.Shift(-1).ToUtc(zone).From, nowUtc);
                comparison = PeriodComparison.SoFar(await engagement.ReadAsync(dimension, previousFrom, previousTo, cancellationToken).ConfigureAwait(false));
            }
            rows.AddRange(now.Select(e => TrendRow.From(period, dimension, e, past, comparison, settings)));
        }
        await writer.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        Computed(logger, period, rows.Count);
        return rows.Count;
    }

    /// <summary>The hourly run: yesterday and today, last ISO week and this one (older first, so baselines exist).</summary>
    public async Task RunHourlyAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ResolveTimeZone()).DateTime);
        var thisWeek = TrendPeriod.Containing(TrendPeriodKind.Week, today);
        await ComputeAsync(TrendPeriodKind.Day, today.AddDays(-1), cancellationToken).ConfigureAwait(false);
        await ComputeAsync(TrendPeriodKind.Day, today, cancellationToken).ConfigureAwait(false);
        await ComputeAsync(TrendPeriodKind.Week, thisWeek.Shift(-1).Start, cancellationToken).ConfigureAwait(false);
        await ComputeAsync(TrendPeriodKind.Week, thisWeek.Start, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Computes every day from <paramref name="from"/> to <paramref name="to"/> (inclusive) and every ISO week
    /// touching that range, oldest first so each period finds its baseline already stored.
    /// </summary>
    public async Task BackfillAsync(DateOnly from, DateOnly to, IProgress<TrendsBackfillProgress>? progress, CancellationToken cancellationToken = default)
    {
        var periods = BackfillPeriods(from, to);
        for (var i = 0; i < periods.Count; i++)
        {
            var rows = await ComputeAsync(periods[i].Kind, periods[i].Start, cancellationToken).ConfigureAwait(false);
            progress?.Report(new TrendsBackfillProgress(periods[i], rows, i + 1, periods.Count));
        }
    }

    /// <summary>
    /// The periods <see cref="BackfillAsync"/> computes, in its order: every day of the range, then every ISO week
    /// touching it (a week's baseline is other weeks, so days first costs nothing and shows progress sooner).
    /// </summary>
    public static IReadOnlyList<TrendPeriod> BackfillPeriods(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"Backfill range ends ({to}) before it starts ({from}).", nameof(to));
        }
        var periods = new List<TrendPeriod>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            periods.Add(new TrendPeriod(TrendPeriodKind.Day, day));
        }
        for (var week = TrendPeriod.Containing(TrendPeriodKind.Week, from); week.Start <= to; week = week.Shift(1))
        {
            periods.Add(week);
        }
        return periods;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trends for {Period}: {Rows} rows written")]
    private static partial void Computed(ILogger logger, TrendPeriod period, int rows);
}
