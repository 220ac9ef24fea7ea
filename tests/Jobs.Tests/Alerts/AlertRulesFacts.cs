using Icesco.Insights.Jobs.Alerts;
using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Tests.Alerts;

public sealed class AlertRulesFacts
{
    private static readonly TrendPeriod Day = new(TrendPeriodKind.Day, new DateOnly(2026, 6, 10));
    private static readonly DateTimeOffset Computed = new(2026, 6, 11, 0, 5, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    private static AlertTrendRow Row(TrendPeriod period, string value, long views, string anomaly = "none", string dimension = "topic", DateTimeOffset? computed = null) =>
        new(period.Start, dimension, value, views, null, null, anomaly, false, computed ?? Computed);

    [Fact]
    public void A_spike_or_drop_row_raises_a_traffic_alert_against_the_median_counting_missing_periods_as_zero()
    {
        // Science has rows on 4 of the 8 previous days; the other 4 were computed (culture has rows) so count as 0.
        var previous = Enumerable.Range(1, 8).Select(i => Day.Shift(-i)).ToArray();
        AlertTrendRow[] window =
        [
            .. previous.Select(p => Row(p, "culture", 10)),
            .. previous.Take(4).Select(p => Row(p, "science", 100)),
            Row(Day, "science", 500, "spike"),
            Row(Day, "culture", 0, "drop"),
            Row(Day, "art", 90, "insufficient-history"),
        ];

        var alerts = AlertRules.Evaluate(Day, window);

        Assert.Equal(
            ["drop topic culture 0 10", "spike topic science 500 50"],
            alerts.Select(a => $"{a.Subject} {a.Observed} {a.Baseline}"));
        Assert.All(alerts, a => Assert.Equal(Day, a.Period));
    }

    [Fact]
    public void A_satisfaction_drop_carries_the_csat_the_median_and_the_upper_bound_it_compared()
    {
        var previous = Enumerable.Range(1, 8).Select(i => Day.Shift(-i))
            .Select(p => new AlertTrendRow(p.Start, "member_state", "MA", 100, 0.8, 0.87, "none", false, Computed));
        AlertTrendRow[] window = [.. previous, new(Day.Start, "member_state", "MA", 100, 0.4, 0.538, "none", false, Computed)];

        var alert = Assert.Single(AlertRules.Evaluate(Day, window));

        Assert.Equal(new AlertSubject(AlertKind.SatisfactionDrop, "member_state", "MA"), alert.Subject);
        Assert.Equal((0.4, 0.8, 0.538), (alert.Observed, alert.Baseline, alert.ObservedHigh!.Value));
    }

    [Fact]
    public void A_period_is_complete_only_when_its_trends_were_computed_after_it_ended_in_local_time()
    {
        // 2026-06-10 in Casablanca (UTC+1) ends at 2026-06-10 23:00 UTC.
        var end = new DateTimeOffset(2026, 6, 10, 23, 0, 0, TimeSpan.Zero);

        Assert.True(AlertRules.IsComplete(Day, [Row(Day, "science", 1, computed: end)], Casablanca));
        Assert.False(AlertRules.IsComplete(Day, [Row(Day, "science", 1, computed: end.AddSeconds(-1))], Casablanca));
        Assert.False(AlertRules.IsComplete(Day, [Row(Day.Shift(-1), "science", 1)], Casablanca)); // nothing of the day itself
    }
}
