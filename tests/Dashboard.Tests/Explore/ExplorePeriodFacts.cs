using Icesco.Insights.Dashboard.Explore;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary>Periods of the Explore pages in Africa/Casablanca, at fixed instants (no wall clock).</summary>
public sealed class ExplorePeriodFacts
{
    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    // Sunday 6 December 2026, 10:20 UTC = 11:20 in Casablanca (UTC+1 outside Ramadan).
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 20, 0, TimeSpan.Zero);

    private static ExplorePeriod Resolve(string? preset, string? from = null, string? to = null)
    {
        var (period, errors) = ExplorePeriod.Resolve(preset, from, to, Now, Casablanca);
        Assert.Empty(errors);
        return period!;
    }

    [Fact]
    public void Seven_days_are_the_whole_days_before_today_compared_with_the_seven_before_them()
    {
        var p = Resolve(null);
        Assert.Equal(("7d", new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 5)), (p.Preset, p.FirstDay, p.LastDay));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero), p.Start); // local midnight is 23:00 UTC
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 23, 0, 0, TimeSpan.Zero), p.End);
        Assert.Equal(p.Start.AddDays(-7), p.PreviousStart);
        Assert.Equal(p.Start, p.PreviousEnd);
        Assert.Equal(ExploreBucket.Day, p.Bucket);
        Assert.False(p.InProgress);
    }

    [Fact]
    public void Today_runs_to_the_end_of_the_current_hour_and_is_compared_with_the_same_hours_of_yesterday()
    {
        var p = Resolve("today");
        Assert.True(p.InProgress);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 23, 0, 0, TimeSpan.Zero), p.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.Zero), p.End);
        Assert.Equal(p.Start.AddDays(-1), p.PreviousStart);
        Assert.Equal(p.End.AddDays(-1), p.PreviousEnd);
        Assert.Equal(ExploreBucket.Hour, p.Bucket);
    }

    [Fact]
    public void Last_month_is_compared_with_the_same_number_of_days_before_it()
    {
        var p = Resolve("last_month");
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (p.FirstDay, p.LastDay));
        Assert.Equal(ExplorePeriod.LocalMidnight(new DateOnly(2026, 10, 2), Casablanca), p.PreviousStart);
        Assert.Equal(p.Start, p.PreviousEnd);
    }

    [Fact]
    public void Twelve_months_are_drawn_by_iso_week_and_this_month_is_in_progress()
    {
        var year = Resolve("12m");
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30), ExploreBucket.Week), (year.FirstDay, year.LastDay, year.Bucket));
        var month = Resolve("this_month");
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 6), true), (month.FirstDay, month.LastDay, month.InProgress));
    }

    [Fact]
    public void A_custom_range_ending_in_the_future_stops_now()
    {
        var p = Resolve("custom", "2026-12-01", "2027-01-31");
        Assert.Equal(new DateOnly(2026, 12, 6), p.LastDay);
        Assert.True(p.InProgress);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.Zero), p.End);
    }

    [Theory]
    [InlineData("decade", null, null, "period", "one-of:")]
    [InlineData("custom", "2026-12-05", "2026-12-01", "to", "order:")]
    [InlineData("custom", "5/12/2026", "2026-12-01", "from", "format:")]
    [InlineData("custom", "2026-12-01", null, "to", "required:")]
    [InlineData("custom", "2020-01-01", "2026-12-01", "to", "range:")]
    public void A_wrong_period_names_the_parameter_and_the_rule(string preset, string? from, string? to, string parameter, string rule)
    {
        var (period, errors) = ExplorePeriod.Resolve(preset, from, to, Now, Casablanca);
        Assert.Null(period);
        Assert.StartsWith(rule, Assert.Single(errors[parameter]), StringComparison.Ordinal);
    }

    [Fact]
    public void Hour_buckets_cover_the_period_and_weeks_start_on_the_monday_before_it()
    {
        var today = Resolve("today");
        var hours = ExploreBuckets.Starts(today.Bucket, today.Start, today.End, Casablanca);
        Assert.Equal(12, hours.Count);
        Assert.Equal("2026-12-06T00:00", ExploreBuckets.Label(ExploreBucket.Hour, hours[0], Casablanca));
        var year = Resolve("12m");
        var weeks = ExploreBuckets.Starts(year.Bucket, year.Start, year.End, Casablanca);
        Assert.Equal("2025-12-01", ExploreBuckets.Label(ExploreBucket.Week, weeks[0], Casablanca)); // a Monday
        Assert.Equal("2026-11-30", ExploreBuckets.Label(ExploreBucket.Week, weeks[^1], Casablanca));
    }
}
