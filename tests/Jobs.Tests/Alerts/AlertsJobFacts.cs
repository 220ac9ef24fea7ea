using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Tests.Trends;
using Icesco.Insights.Jobs.Trends;
using static Icesco.Insights.Jobs.Tests.Alerts.TrendRows;

namespace Icesco.Insights.Jobs.Tests.Alerts;

[Collection(EngineCollection.Name)]
public sealed class AlertsJobFacts(EngineFixture engine)
{
    // ISO week of Monday 2026-06-01; Africa/Casablanca is UTC+1 then, so the week ends at 2026-06-07 23:00 UTC.
    internal static readonly TrendPeriod Week = new(TrendPeriodKind.Week, new DateOnly(2026, 6, 1));
    internal static readonly DateTimeOffset AfterWeek = new(2026, 6, 8, 0, 5, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset Evaluation = new(2026, 6, 8, 0, 10, 0, TimeSpan.Zero);
    private static readonly int[] ScienceViews = [100, 102, 98, 101, 99, 103, 97, 100];

    /// <summary>
    /// Eight quiet weeks, then: topic science spikes (300 views, median 100); member state MA's CSAT falls from 80 of 100
    /// to 20 of 50 (upper bound 0.54 &lt; 0.8); SN falls as far but on 10 ratings (small sample); country MA spikes
    /// (not a watched dimension); topic culture is ordinary.
    /// </summary>
    internal static IEnumerable<TrendRow> WeeklyHistory()
    {
        var previous = Before(Week).ToArray();
        for (var i = 0; i < previous.Length; i++)
        {
            yield return Row(previous[i], "science", ScienceViews[i]);
            yield return Row(previous[i], "MA", dimension: "member_state", satisfied: 80, ratings: 100);
            yield return Row(previous[i], "SN", 50, dimension: "member_state", satisfied: 40, ratings: 50);
            yield return Row(previous[i], "MA", dimension: "country");
        }
        yield return Row(Week, "science", 300, TrendAnomaly.Spike);
        yield return Row(Week, "culture", 100);
        yield return Row(Week, "MA", dimension: "member_state", satisfied: 20, ratings: 50);
        yield return Row(Week, "SN", 50, dimension: "member_state", satisfied: 2, ratings: 10);
        yield return Row(Week, "MA", 400, TrendAnomaly.Spike, dimension: "country");
    }

    internal static readonly string[] ExpectedWeekAlerts =
    [
        "satisfaction-drop member_state MA week 2026-06-01 0.4 0.8 not-emailed",
        "spike topic science week 2026-06-01 300 100 not-emailed",
    ];

    [Fact]
    public async Task Seeded_trend_history_raises_a_topic_spike_and_a_member_state_satisfaction_drop()
    {
        await using var alerts = await AlertsHarness.CreateAsync(engine);
        await alerts.WriteTrendsAsync(AfterWeek, WeeklyHistory());

        var run = await alerts.EvaluateAtAsync(Evaluation);

        Assert.Equal(ExpectedWeekAlerts, await alerts.AlertsAsync());
        Assert.Equal(2, run.Raised.Count);
        Assert.Equal(0, run.Emailed);
        var drop = Assert.Single(run.Raised, r => r.Alert.Subject.Value == "MA");
        Assert.Equal(0.538, drop.Alert.ObservedHigh!.Value, 3); // Wilson 95 % upper bound of 20 of 50
        Assert.All(run.Raised, r => Assert.Equal(Evaluation, r.RaisedAt));
    }

    [Fact]
    public async Task Running_the_evaluation_again_raises_nothing_new()
    {
        await using var alerts = await AlertsHarness.CreateAsync(engine);
        await alerts.WriteTrendsAsync(AfterWeek, WeeklyHistory());
        await alerts.EvaluateAtAsync(Evaluation);

        var again = await alerts.EvaluateAtAsync(Evaluation.AddHours(1));
        var sameInstant = await alerts.EvaluateAtAsync(Evaluation.AddHours(1));
        // Thursday: the quiet period is over, and the week is still the last complete one; its record alone stops a second alert.
        var afterQuietPeriod = await alerts.EvaluateAtAsync(Evaluation.AddDays(3));

        Assert.Empty(again.Raised);
        Assert.Empty(sameInstant.Raised);
        Assert.Empty(afterQuietPeriod.Raised);
        Assert.Equal(ExpectedWeekAlerts, await alerts.AlertsAsync());
        Assert.Equal(2UL, await alerts.MergedRowCountAsync());
    }

    [Fact]
    public async Task A_subject_alerts_at_most_once_per_configured_quiet_period_while_other_subjects_still_alert()
    {
        await using var alerts = await AlertsHarness.CreateAsync(engine, new() { ["Alerts:QuietPeriod"] = "2.00:00:00" });
        var day = new TrendPeriod(TrendPeriodKind.Day, new DateOnly(2026, 6, 10));
        await alerts.WriteTrendsAsync(
            new DateTimeOffset(2026, 6, 11, 0, 5, 0, TimeSpan.Zero),
            [.. Before(day).Select(p => Row(p, "science")), Row(day, "science", 300, TrendAnomaly.Spike)]);
        var first = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 11, 0, 10, 0, TimeSpan.Zero));

        // Next day: science spikes again (quiet), culture spikes for the first time (another subject).
        await alerts.WriteTrendsAsync(
            new DateTimeOffset(2026, 6, 12, 0, 5, 0, TimeSpan.Zero),
            [Row(day.Shift(1), "science", 320, TrendAnomaly.Spike), Row(day.Shift(1), "culture", 60, TrendAnomaly.Spike)]);
        var second = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 12, 0, 10, 0, TimeSpan.Zero));

        // The day after: science spikes a third time; one minute before the two days are over, then one minute after.
        await alerts.WriteTrendsAsync(
            new DateTimeOffset(2026, 6, 13, 0, 5, 0, TimeSpan.Zero),
            [Row(day.Shift(2), "science", 330, TrendAnomaly.Spike)]);
        var stillQuiet = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 13, 0, 9, 0, TimeSpan.Zero));
        var third = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 13, 0, 11, 0, TimeSpan.Zero));

        Assert.Single(first.Raised);
        Assert.Equal("culture", Assert.Single(second.Raised).Alert.Subject.Value);
        Assert.Empty(stillQuiet.Raised);
        Assert.Single(third.Raised);
        Assert.Equal(
            [
                "spike topic science day 2026-06-10 300 100 not-emailed",
                "spike topic culture day 2026-06-11 60 0 not-emailed",
                "spike topic science day 2026-06-12 330 100 not-emailed",
            ],
            await alerts.AlertsAsync());
    }

    [Fact]
    public async Task A_period_whose_trends_were_computed_before_it_ended_raises_nothing_until_they_are_recomputed()
    {
        await using var alerts = await AlertsHarness.CreateAsync(engine);
        var day = new TrendPeriod(TrendPeriodKind.Day, new DateOnly(2026, 6, 10)); // ends 2026-06-10 23:00 UTC
        await alerts.WriteTrendsAsync(
            new DateTimeOffset(2026, 6, 10, 22, 0, 0, TimeSpan.Zero),
            [.. Before(day).Select(p => Row(p, "science")), Row(day, "science", 300, TrendAnomaly.Spike)]);

        var early = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 11, 0, 10, 0, TimeSpan.Zero));
        await alerts.WriteTrendsAsync(new DateTimeOffset(2026, 6, 11, 0, 12, 0, TimeSpan.Zero), [Row(day, "science", 310, TrendAnomaly.Spike)]);
        var recomputed = await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 6, 11, 0, 15, 0, TimeSpan.Zero));

        Assert.Empty(early.Raised);
        Assert.Equal(310, Assert.Single(recomputed.Raised).Alert.Observed);
    }

    [Fact]
    public async Task The_week_9_spike_computed_by_the_trends_job_raises_alerts_for_its_topic_and_member_state()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine, now: new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero)); // Monday after week 9 (Ramadan: UTC+0)
        for (var week = 0; week < 9; week++)
        {
            await seed.Job.ComputeAsync(TrendPeriodKind.Week, TrendsSeed.Week1.AddDays(7 * week), CancellationToken.None);
        }
        await using var alerts = await AlertsHarness.CreateAsync(engine, database: seed.Database);

        await alerts.EvaluateAtAsync(new DateTimeOffset(2026, 3, 9, 6, 10, 0, TimeSpan.Zero));

        // Views of weeks 1–8 have median 100; science had 300 in week 9 and MA (every event's member state) 310.
        // Science's CSAT rose (0.5 → 0.75) and has one earlier week only: no satisfaction alert.
        Assert.Equal(
            [
                "spike member_state MA week 2026-03-02 310 100 not-emailed",
                "spike topic science week 2026-03-02 300 100 not-emailed",
            ],
            await alerts.AlertsAsync());
    }
}
