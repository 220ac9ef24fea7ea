using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Jobs.Trends;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Jobs.Tests.Commands;

public sealed class BackfillProgressFacts
{
    [Fact]
    public void Each_period_prints_its_number_rows_time_elapsed_and_the_time_left()
    {
        // Two days and the week containing them.
        var periods = TrendsJob.BackfillPeriods(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        var printer = new BackfillProgressPrinter(periods, output, clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        printer.Report(new TrendsBackfillProgress(periods[0], 1234, 1, 3));
        clock.Advance(TimeSpan.FromSeconds(4));
        printer.Report(new TrendsBackfillProgress(periods[1], 0, 2, 3));
        clock.Advance(TimeSpan.FromSeconds(3600));
        printer.Report(new TrendsBackfillProgress(periods[2], 56, 3, 3));

        Assert.Equal(
        [
            // Left: the other day at 2 s and the week at 7 days × 2 s, 16 s; then the week at 7 × 3 s, 21 s.
            "1/3 day 2026-03-02      1,234 rows    2.00 s   elapsed 0:00:02   ETA 0:00:16",
            "2/3 day 2026-03-03          0 rows    4.00 s   elapsed 0:00:06   ETA 0:00:21",
            "3/3 week 2026-03-02        56 rows 3600.00 s   elapsed 1:00:06   ETA 0:00:00",
        ], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, printer.Completed);
        Assert.Equal("Done: 3 periods, 1,290 rows in 1:00:06.", printer.Summary());
    }

    [Fact]
    public void Backfill_periods_are_the_days_then_the_iso_weeks_touching_the_range()
    {
        // Sunday 2026-03-01 to Tuesday 2026-03-03: the week of Monday 2026-02-23 and the one of 2026-03-02.
        var periods = TrendsJob.BackfillPeriods(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3));

        Assert.Equal(
            ["day 2026-03-01", "day 2026-03-02", "day 2026-03-03", "week 2026-02-23", "week 2026-03-02"],
            periods.Select(p => p.ToString()));
    }

    [Fact]
    public void Once_a_week_is_measured_the_weeks_left_are_estimated_from_it()
    {
        // Sunday and Monday: days 03-01 and 03-02, then the weeks of 02-23 and 03-02.
        var periods = TrendsJob.BackfillPeriods(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2));
        (TrendPeriod, TimeSpan)[] done = [(periods[0], TimeSpan.FromSeconds(1)), (periods[1], TimeSpan.FromSeconds(3))];

        // Days at 2 s: each week unmeasured counts 7 days.
        Assert.Equal(TimeSpan.FromSeconds(28), BackfillProgressPrinter.Remaining(periods.Skip(2), done));
        // A week took 5 s: the other one is expected to as well.
        Assert.Equal(TimeSpan.FromSeconds(5), BackfillProgressPrinter.Remaining(periods.Skip(3), [.. done, (periods[2], TimeSpan.FromSeconds(5))]));
    }

    [Fact]
    public void Time_left_is_zero_before_anything_is_measured_and_a_clock_counts_hours_past_a_day()
    {
        var periods = TrendsJob.BackfillPeriods(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2));

        Assert.Equal(TimeSpan.Zero, BackfillProgressPrinter.Remaining(periods, []));
        Assert.Equal("26:03:04", BackfillProgressPrinter.Clock(new TimeSpan(1, 2, 3, 4)));
    }
}
