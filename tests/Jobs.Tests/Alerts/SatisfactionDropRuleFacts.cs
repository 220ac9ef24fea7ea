using Icesco.Insights.Jobs.Alerts;
using static Icesco.Insights.Jobs.Alerts.SatisfactionDropRule;

namespace Icesco.Insights.Jobs.Tests.Alerts;

public sealed class SatisfactionDropRuleFacts
{
    private static Satisfaction Usual(double csat) => new(csat, csat + 0.07, SmallSample: false);

    private static readonly Satisfaction[] EightUsualPeriods =
        [Usual(0.78), Usual(0.80), Usual(0.82), Usual(0.79), Usual(0.81), Usual(0.80), Usual(0.83), Usual(0.77)];

    [Fact]
    public void An_upper_bound_below_the_median_of_the_previous_periods_is_a_drop_against_that_median()
    {
        var baseline = Drop(new Satisfaction(0.40, 0.54, false), EightUsualPeriods);

        Assert.Equal(0.80, baseline!.Value, 9); // median of 0.77 … 0.83
    }

    [Fact]
    public void A_lower_csat_whose_interval_still_reaches_the_median_is_not_a_drop()
    {
        Assert.Null(Drop(new Satisfaction(0.60, 0.80, false), EightUsualPeriods));
        Assert.Null(Drop(new Satisfaction(0.60, 0.85, false), EightUsualPeriods));
    }

    [Fact]
    public void A_small_sample_is_never_judged()
    {
        Assert.Null(Drop(new Satisfaction(0.10, 0.40, SmallSample: true), EightUsualPeriods));
    }

    [Fact]
    public void Fewer_than_four_previous_periods_with_a_proper_sample_give_no_verdict()
    {
        Satisfaction[] thin = [Usual(0.8), Usual(0.8), Usual(0.8), new(0.9, 1.0, SmallSample: true), new(null, null, false)];

        Assert.Null(Drop(new Satisfaction(0.1, 0.2, false), thin));
        Assert.NotNull(Drop(new Satisfaction(0.1, 0.2, false), [.. thin, Usual(0.8)]));
    }

    [Fact]
    public void Only_the_last_eight_previous_periods_form_the_baseline()
    {
        // Four old periods at 0.95 would lift the median above 0.85; only the last eight (all 0.6) count.
        Satisfaction[] history = [Usual(0.95), Usual(0.95), Usual(0.95), Usual(0.95), .. Enumerable.Repeat(Usual(0.6), 8)];

        Assert.Null(Drop(new Satisfaction(0.5, 0.62, false), history));
    }

    [Fact]
    public void Small_sample_periods_do_not_pull_the_baseline()
    {
        Satisfaction[] history = [Usual(0.5), Usual(0.5), Usual(0.5), Usual(0.5), .. Enumerable.Repeat(new Satisfaction(1.0, 1.0, true), 4)];

        Assert.Null(Drop(new Satisfaction(0.45, 0.55, false), history)); // 0.55 ≥ 0.5: no drop against the proper samples
    }
}
