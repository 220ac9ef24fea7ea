using Icesco.Insights.Jobs.Alerts;
using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Tests.Alerts;

public sealed class AlertGateFacts
{
    private static readonly DateTimeOffset Now = new(2026, 6, 12, 0, 10, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromDays(1);
    private static readonly AlertSubject Science = new(AlertKind.Spike, "topic", "science");
    private static readonly TrendPeriod June11 = new(TrendPeriodKind.Day, new DateOnly(2026, 6, 11));
    private static readonly TrendPeriod WeekOfJune1 = new(TrendPeriodKind.Week, new DateOnly(2026, 6, 1));

    private static Alert Found(AlertSubject subject, TrendPeriod period) => new(subject, period, 300, 100);

    [Fact]
    public void A_subject_and_period_already_recorded_is_not_raised_again_however_long_ago()
    {
        AlertRecord[] existing = [new(Found(Science, June11), Now.AddDays(-5), null)];

        Assert.Empty(AlertGate.Admit([Found(Science, June11)], existing, Now, Quiet));
    }

    [Fact]
    public void A_subject_raised_within_the_quiet_period_waits_and_is_raised_once_it_is_over()
    {
        AlertRecord[] existing = [new(Found(Science, June11.Shift(-1)), Now.AddDays(-1).AddMinutes(1), null)];

        Assert.Empty(AlertGate.Admit([Found(Science, June11)], existing, Now, Quiet));
        Assert.Single(AlertGate.Admit([Found(Science, June11)], existing, Now.AddMinutes(1), Quiet));
    }

    [Fact]
    public void In_one_run_the_first_alert_of_a_subject_wins_and_other_subjects_are_unaffected()
    {
        var culture = Science with { Value = "culture" };
        var drop = Science with { Kind = AlertKind.Drop };

        var admitted = AlertGate.Admit(
            [Found(Science, WeekOfJune1), Found(Science, June11), Found(culture, June11), Found(drop, June11)], [], Now, Quiet);

        Assert.Equal([Found(Science, WeekOfJune1), Found(culture, June11), Found(drop, June11)], admitted);
    }

    [Fact]
    public void Unmailed_alerts_are_retried_within_the_quiet_period_only()
    {
        AlertRecord[] existing =
        [
            new(Found(Science, June11), Now.AddHours(-23), null),
            new(Found(Science with { Value = "art" }, June11), Now.AddHours(-25), null),
            new(Found(Science with { Value = "culture" }, June11), Now.AddHours(-1), Now.AddHours(-1)),
        ];

        Assert.Equal([existing[0]], AlertGate.Unmailed(existing, Now, Quiet));
    }
}
