using System.Globalization;
using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// Prints one line per period of a backfill as it completes: n/total, the period, rows written, its time, the time
/// so far and an estimate of the time left (see <see cref="Remaining"/>). Writes synchronously (unlike <see cref="Progress{T}"/>), so lines appear
/// in order and before the next period starts.
/// </summary>
public sealed class BackfillProgressPrinter(IReadOnlyList<TrendPeriod> periods, TextWriter output, TimeProvider time)
    : IProgress<TrendsBackfillProgress>
{
    private readonly long started = time.GetTimestamp();
    private readonly List<(TrendPeriod Period, TimeSpan Took)> done = [];
    private long lastReport = time.GetTimestamp();
    private long rows;

    /// <summary>Periods completed so far.</summary>
    public int Completed { get; private set; }

    public void Report(TrendsBackfillProgress value)
    {
        var now = time.GetTimestamp();
        var took = time.GetElapsedTime(lastReport, now);
        var elapsed = time.GetElapsedTime(started, now);
        lastReport = now;
        Completed = value.Completed;
        done.Add((value.Period, took));
        rows += value.Rows;
        var width = value.Total.ToString(CultureInfo.InvariantCulture).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{value.Completed.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{value.Total} {value.Period,-15} {value.Rows,9:N0} rows {took.TotalSeconds,7:F2} s" +
            $"   elapsed {Clock(elapsed)}   ETA {Clock(Remaining(periods.Skip(value.Completed), done))}"));
    }

    /// <summary>The closing line: periods, rows and time.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Done: {Completed} periods, {rows:N0} rows in {Clock(time.GetElapsedTime(started))}.");

    /// <summary>
    /// Time left for the periods <paramref name="left"/>: each at the mean time of its kind so far, or, for a kind
    /// not measured yet (the weeks, which come last), at the time per day so far times the days it covers. Measured
    /// with 50 M events a week took 3 days' time, not 7 (fixed costs per query); the first week corrects the estimate.
    /// </summary>
    public static TimeSpan Remaining(IEnumerable<TrendPeriod> left, IReadOnlyCollection<(TrendPeriod Period, TimeSpan Took)> done)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(done);
        var measuredDays = done.Sum(d => Days(d.Period));
        if (measuredDays == 0)
        {
            return TimeSpan.Zero;
        }
        var perDay = done.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Took) / measuredDays;
        var perKind = done.GroupBy(d => d.Period.Kind).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Took) / g.Count());
        return left.Aggregate(TimeSpan.Zero, (sum, p) => sum + (perKind.TryGetValue(p.Kind, out var mean) ? mean : perDay * Days(p)));
    }

    /// <summary>h:mm:ss.</summary>
    public static string Clock(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}");

    private static int Days(TrendPeriod period) => period.End.DayNumber - period.Start.DayNumber;
}
