using System.Globalization;
using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// Prints one line per period of a backfill as it completes: n/total, the period, rows written, its time, the time
/// so far and an estimate of the time left. Writes synchronously (unlike <see cref="Progress{T}"/>), so lines appear
/// in order and before the next period starts.
/// </summary>
public sealed class BackfillProgressPrinter(IReadOnlyList<TrendPeriod> periods, TextWriter output, TimeProvider time)
    : IProgress<TrendsBackfillProgress>
{
    private readonly long started = time.GetTimestamp();
    private readonly int totalDays = periods.Sum(Days);
    private long lastReport = time.GetTimestamp();
    private int completedDays;
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
        completedDays += Days(value.Period);
        rows += value.Rows;
        var width = value.Total.ToString(CultureInfo.InvariantCulture).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{value.Completed.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{value.Total} {value.Period,-15} {value.Rows,9:N0} rows {took.TotalSeconds,7:F2} s" +
            $"   elapsed {Clock(elapsed)}   ETA {Clock(Remaining(elapsed, completedDays, totalDays))}"));
    }

    /// <summary>The closing line: periods, rows and time.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Done: {Completed} periods, {rows:N0} rows in {Clock(time.GetElapsedTime(started))}.");

    /// <summary>
    /// Time left, assuming the time per day covered stays what it was so far: a week reads seven days of rollups,
    /// and the weeks come last, so counting periods instead would promise the end too early.
    /// </summary>
    public static TimeSpan Remaining(TimeSpan elapsed, int completedDays, int totalDays) =>
        completedDays <= 0 ? TimeSpan.Zero : elapsed * ((double)(totalDays - completedDays) / completedDays);

    /// <summary>h:mm:ss.</summary>
    public static string Clock(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}");

    private static int Days(TrendPeriod period) => period.End.DayNumber - period.Start.DayNumber;
}
