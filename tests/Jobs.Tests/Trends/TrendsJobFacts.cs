using ClickHouse.Driver;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Tests.Trends;

[Collection(EngineCollection.Name)]
public sealed class TrendsJobFacts(EngineFixture engine)
{
    private const string Columns =
        "period_kind, toString(period_start), dimension, dimension_value, views, unique_visitors, ratings, mean_rating, csat, csat_low, csat_high, " +
        "ratings_per_1000_views, views_change, csat_change, anomaly, small_sample";

    private async Task<List<object?[]>> RowsAsync(string sql)
    {
        var rows = new List<object?[]>();
        using var reader = await engine.Client.ExecuteReaderAsync(sql);
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private Task<List<object?[]>> WeeksAsync(string database, string topic) => RowsAsync(
        $"SELECT {Columns} FROM {database}.trends FINAL WHERE period_kind = 'week' AND dimension = 'topic' AND dimension_value = '{topic}' ORDER BY period_start");

    private static async Task ComputeWeeksAsync(TrendsSeed seed)
    {
        for (var week = 0; week < 9; week++)
        {
            await seed.Job.ComputeAsync(TrendPeriodKind.Week, TrendsSeed.Week1.AddDays(7 * week), CancellationToken.None);
        }
    }

    [Fact]
    public async Task Nine_weeks_of_history_give_the_expected_trend_rows_and_a_spike_in_week_9()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);
        await ComputeWeeksAsync(seed);

        var weeks = await WeeksAsync(seed.Database, "science");
        Assert.Equal(9, weeks.Count);
        Assert.Equal(TrendsSeed.WeeklyViews.Select(v => (ulong)v), weeks.Select(w => Convert.ToUInt64(w[4], null)));
        // Weeks 1–8: 50 visitors on Monday and again on Tuesday: uniqMerge gives 50, not 100.
        Assert.All(weeks.Take(8), w => Assert.Equal(50UL, Convert.ToUInt64(w[5], null)));
        // Weeks 1–4 have fewer than 4 earlier weeks.
        Assert.All(weeks.Take(4), w => Assert.Equal("insufficient-history", w[14]));
        Assert.All(weeks.Skip(4).Take(4), w => Assert.Equal("none", w[14]));

        var week9 = weeks[8];
        Assert.Equal("2026-03-02", week9[1]);
        Assert.Equal(100UL, Convert.ToUInt64(week9[5], null));
        Assert.Equal(60UL, Convert.ToUInt64(week9[6], null));
        // Normalised: (20·1 + 15·0.75 + 10·7/9 + 10·0.5 + 5·5/9) / 60 = 46.80556 / 60
        Assert.Equal(0.7800926, Convert.ToDouble(week9[7], null), 6);
        Assert.Equal(0.75, Convert.ToDouble(week9[8], null), 9);       // 45 of 60 (8 of 10 counts, 6 of 10 does not)
        Assert.Equal(0.6276793, Convert.ToDouble(week9[9], null), 6);  // Wilson, as TrendMathFacts
        Assert.Equal(0.8422348, Convert.ToDouble(week9[10], null), 6);
        Assert.Equal(200.0, Convert.ToDouble(week9[11], null), 9);     // 60 · 1000 / 300
        Assert.Equal(2.0, Convert.ToDouble(week9[12], null), 9);       // (300 − 100) / 100
        Assert.Equal(0.5, Convert.ToDouble(week9[13], null), 9);       // (0.75 − 0.5) / 0.5; week 8 was 20 of 40
        Assert.Equal("spike", week9[14]);                              // median 100, MAD 1.5: limit 6.67
        Assert.Equal(false, week9[15]);
        Assert.Null(weeks[0][12]); // week 1 has no previous week: no change

        var culture = Assert.Single(await WeeksAsync(seed.Database, "culture"));
        Assert.Equal(true, culture[15]); // 5 ratings < 30

        // The other dimensions in week 9: science 300 + culture 10 views, all from MA, in Arabic; the
        // culture visitors 1–10 are among science's 1–100. Language and article come from the 0007 hourly rollups;
        // "overall" is the whole site (uniqMerge over every language), the report's headline.
        var others = await RowsAsync(
            $"SELECT dimension, dimension_value, views, unique_visitors, ratings FROM {seed.Database}.trends FINAL " +
            "WHERE period_kind = 'week' AND period_start = '2026-03-02' AND dimension != 'topic' ORDER BY dimension, dimension_value");
        Assert.Equal(
            ["article culture-1 10 10 5", "article science-1 300 100 60", "country MA 310 100 65", "language ar 310 100 65", "member_state MA 310 100 65", "overall all 310 100 65"],
            others.Select(r => string.Join(' ', r)));
    }

    [Fact]
    public async Task Running_a_period_again_leaves_the_same_rows()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);
        await ComputeWeeksAsync(seed);
        var all = $"SELECT {Columns} FROM {seed.Database}.trends FINAL ORDER BY period_kind, period_start, dimension, dimension_value";
        var before = await RowsAsync(all);

        await seed.Job.ComputeAsync(TrendPeriodKind.Week, TrendsSeed.Week1.AddDays(7 * 8), CancellationToken.None);
        await seed.Job.ComputeAsync(TrendPeriodKind.Week, TrendsSeed.Week1.AddDays(7 * 8), CancellationToken.None);

        Assert.Equal(before, await RowsAsync(all));
        // Also once merged: no doubles remain on disk, not only hidden by FINAL.
        await engine.Client.ExecuteNonQueryAsync($"OPTIMIZE TABLE {seed.Database}.trends FINAL");
        var count = await RowsAsync($"SELECT count() FROM {seed.Database}.trends");
        Assert.Equal((ulong)before.Count, Convert.ToUInt64(count[0][0], null));
    }

    [Fact]
    public async Task Backfill_computes_every_day_and_week_of_the_range_in_order()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);
        var reports = new List<string>();

        // Weeks 8 and 9: Monday 2026-02-23 to Sunday 2026-03-08.
        await seed.Job.BackfillAsync(new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 8), new SynchronousProgress(reports.Add));

        Assert.Equal(16, reports.Count); // 14 days + 2 weeks
        Assert.StartsWith("day 2026-02-23:", reports[0], StringComparison.Ordinal);
        Assert.StartsWith("week 2026-03-02:", reports[^1], StringComparison.Ordinal);
        var periods = await RowsAsync(
            $"SELECT DISTINCT period_kind, toString(period_start) FROM {seed.Database}.trends FINAL WHERE dimension = 'topic' ORDER BY 1, 2");
        // Days with events: the Mondays and Tuesdays (views) and Wednesdays (ratings) of both weeks.
        Assert.Equal(
            ["day 2026-02-23", "day 2026-02-24", "day 2026-02-25", "day 2026-03-02", "day 2026-03-03", "day 2026-03-04", "week 2026-02-23", "week 2026-03-02"],
            periods.Select(p => $"{p[0]} {p[1]}"));
    }

    [Fact]
    public async Task The_hourly_run_computes_yesterday_today_last_week_and_this_week_in_local_time()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine, now: new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero)); // Tuesday of week 9

        await seed.Job.RunHourlyAsync(CancellationToken.None);

        var periods = await RowsAsync(
            $"SELECT DISTINCT period_kind, toString(period_start) FROM {seed.Database}.trends FINAL WHERE dimension = 'topic' ORDER BY 1, 2");
        Assert.Equal(
            ["day 2026-03-02", "day 2026-03-03", "week 2026-02-23", "week 2026-03-02"],
            periods.Select(p => $"{p[0]} {p[1]}"));
    }

    [Fact]
    public async Task A_week_in_progress_is_compared_with_the_same_elapsed_hours_of_the_week_before_and_gets_no_anomaly()
    {
        // Tuesday 13:00 of week 9 (local time is UTC in Ramadan): weeks 1–8 have ended; week 8 up to its Tuesday
        // 13:00 had all of its 100 views and none of its 40 ratings (Wednesday). Whole, week 9 is a spike.
        await using var seed = await TrendsSeed.CreateAsync(engine, now: new DateTimeOffset(2026, 3, 3, 13, 0, 0, TimeSpan.Zero));

        await ComputeWeeksAsync(seed);

        var week9 = (await WeeksAsync(seed.Database, "science"))[8];
        Assert.Equal("in-progress", week9[14]);
        Assert.Equal(2.0, Convert.ToDouble(week9[12], null), 9); // (300 − 100) / 100
        Assert.Null(week9[13]);                                  // no ratings yet in week 8's span: no CSAT change
        Assert.Equal(0.75, Convert.ToDouble(week9[8], null), 9);  // the week's own figures are as they are
    }

    [Fact]
    public async Task A_day_in_progress_is_compared_with_the_same_hours_of_the_day_before()
    {
        // Monday 2026-03-02 of week 9 had 150 views at 12:00, Tuesday 150 at 12:00. At Tuesday 12:30 each day's
        // first 13 hours hold 150 views: no change.
        await using var seed = await TrendsSeed.CreateAsync(engine, now: new DateTimeOffset(2026, 3, 3, 12, 30, 0, TimeSpan.Zero));
        await seed.Job.ComputeAsync(TrendPeriodKind.Day, new DateOnly(2026, 3, 2), CancellationToken.None);

        await seed.Job.ComputeAsync(TrendPeriodKind.Day, new DateOnly(2026, 3, 3), CancellationToken.None);

        var days = await RowsAsync(
            $"SELECT {Columns} FROM {seed.Database}.trends FINAL WHERE period_kind = 'day' AND dimension = 'topic' AND dimension_value = 'science' ORDER BY period_start");
        Assert.Equal(["2026-03-02 insufficient-history", "2026-03-03 in-progress"], days.Select(d => $"{d[1]} {d[14]}"));
        Assert.Equal(0.0, Convert.ToDouble(days[1][12], null), 9);
    }

    [Theory]
    [InlineData("2026-03-02T00:00:00Z", 1)]  // the first hour has begun
    [InlineData("2026-03-02T00:59:59Z", 1)]
    [InlineData("2026-03-02T01:00:00Z", 2)]  // on the hour: the hour just begun counts on both sides
    [InlineData("2026-03-03T12:30:00Z", 37)]
    [InlineData("2026-03-01T23:00:00Z", 0)]  // before the period: nothing to compare
    public void The_span_compared_with_a_period_in_progress_has_as_many_hours_as_have_begun(string now, int hours)
    {
        var from = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var previousFrom = from.AddDays(-7);

        var (spanFrom, spanTo) = PeriodComparison.SameElapsedBefore(from, previousFrom, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(previousFrom, spanFrom);
        Assert.Equal(previousFrom.AddHours(hours), spanTo);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<TrendsBackfillProgress>
    {
        public void Report(TrendsBackfillProgress value) => report(value.ToString());
    }
}
