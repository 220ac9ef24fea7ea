using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.Statistics;

namespace Icesco.Insights.Jobs.Tests.Trends;

/// <summary>Trend math against fixtures computed by hand (the arithmetic is in each test).</summary>
public sealed class TrendMathFacts
{
    [Fact]
    public void Wilson_interval_of_8_out_of_10_matches_the_hand_computation()
    {
        // z² = 1.959964² = 3.8414588; z²/n = 0.38414588; denominator = 1.38414588
        // centre = (0.8 + 0.19207294) / 1.38414588 = 0.7167402
        // half = z · √(0.8·0.2/10 + 3.8414588/400) / 1.38414588 = 1.959964 · √0.02560365 / 1.38414588 = 0.2265777
        // → 0.4901625 .. 0.9433178
        var (low, high) = WilsonInterval.Compute(8, 10)!.Value;
        Assert.Equal(0.4901625, low, 6);
        Assert.Equal(0.9433178, high, 6);
    }

    [Fact]
    public void Wilson_interval_of_none_out_of_10_starts_at_zero_and_is_not_empty()
    {
        // p = 0: centre = half = 0.19207294 / 1.38414588 = 0.1387664 → 0 .. 0.2775328
        var (low, high) = WilsonInterval.Compute(0, 10)!.Value;
        Assert.Equal(0, low, 9);
        Assert.Equal(0.2775328, high, 6);
    }

    [Fact]
    public void Wilson_interval_of_45_out_of_60_matches_the_hand_computation()
    {
        // p = 0.75; z²/n = 0.06402431; denominator = 1.06402431
        // centre = (0.75 + 0.03201216) / 1.06402431 = 0.7349570
        // half = 1.959964 · √(0.1875/60 + 3.8414588/14400) / 1.06402431 = 1.959964 · √0.00339177 / 1.06402431 = 0.1072777
        var (low, high) = WilsonInterval.Compute(45, 60)!.Value;
        Assert.Equal(0.6276793, low, 6);
        Assert.Equal(0.8422348, high, 6);
    }

    [Fact]
    public void Wilson_interval_without_answers_is_absent() => Assert.Null(WilsonInterval.Compute(0, 0));

    [Theory]
    [InlineData(5, 4)]  // 5 − round(2.0) + 1 = 4: the top-2-box, 4 and 5
    [InlineData(10, 7)] // 10 − round(4.0) + 1 = 7: 7, 8, 9, 10
    [InlineData(7, 5)]  // 7 − round(2.8) + 1 = 5: 5, 6, 7
    [InlineData(4, 3)]  // 4 − round(1.6) + 1 = 3: 3 and 4
    [InlineData(3, 3)]  // 3 − round(1.2) + 1 = 3: only the top answer
    [InlineData(2, 2)]  // 2 − round(0.8) + 1 = 2: thumbs up
    public void Satisfied_answers_are_the_top_40_percent_of_the_scale(int scale, int satisfiedFrom) =>
        Assert.Equal(satisfiedFrom, Csat.SatisfiedFrom(scale));

    [Fact]
    public void Csat_counts_the_top_two_boxes_on_five_and_the_top_four_on_ten()
    {
        // 5-point: ratings 5×3, 4×2, 3×4, 1×1 → satisfied 3 + 2 = 5 of 10
        // 10-point: 10×1, 7×1, 6×2 → satisfied 1 + 1 = 2 of 4
        // together 7 of 14 = 0.5
        var histogram = new Dictionary<(int, int), long>
        {
            [(5, 5)] = 3, [(5, 4)] = 2, [(5, 3)] = 4, [(5, 1)] = 1,
            [(10, 10)] = 1, [(10, 7)] = 1, [(10, 6)] = 2,
        };
        var (satisfied, total) = Csat.Count(histogram);
        Assert.Equal((7L, 14L), (satisfied, total));
        Assert.Equal(0.5, Csat.Share(satisfied, total));
        Assert.Null(Csat.Share(0, 0));
    }

    [Theory]
    [InlineData(1, 5, 0.0)]   // (1 − 1) / 4
    [InlineData(3, 5, 0.5)]   // (3 − 1) / 4
    [InlineData(5, 5, 1.0)]   // (5 − 1) / 4
    [InlineData(4, 10, 1.0 / 3)] // (4 − 1) / 9
    public void Ratings_normalise_to_0_to_1(int rating, int scale, double expected) =>
        Assert.Equal(expected, Csat.Normalise(rating, scale), 12);

    [Fact]
    public void Mean_rating_is_the_normalised_sum_over_the_count()
    {
        // ratings 5, 4, 2 of 5 → 1 + 0.75 + 0.25 = 2.0; / 3 = 0.6667
        Assert.Equal(2.0 / 3, Csat.MeanNormalised(Csat.Normalise(5, 5) + Csat.Normalise(4, 5) + Csat.Normalise(2, 5), 3)!.Value, 12);
        Assert.Null(Csat.MeanNormalised(0, 0));
    }

    [Theory]
    [InlineData(150.0, 100.0, 0.5)]   // (150 − 100) / 100
    [InlineData(75.0, 100.0, -0.25)]  // (75 − 100) / 100
    [InlineData(0.6, 0.8, -0.25)]     // (0.6 − 0.8) / 0.8
    public void Change_is_relative_to_the_previous_period(double current, double previous, double expected) =>
        Assert.Equal(expected, TrendChange.Relative(current, previous)!.Value, 12);

    [Fact]
    public void Change_from_zero_or_from_nothing_is_absent()
    {
        Assert.Null(TrendChange.Relative(10, 0));
        Assert.Null(TrendChange.Relative(10, null));
        Assert.Null(TrendChange.Relative(null, 10));
    }

    [Fact]
    public void Ratings_per_thousand_views()
    {
        Assert.Equal(25.0, TrendChange.PerThousand(5, 200)); // 5 · 1000 / 200
        Assert.Null(TrendChange.PerThousand(5, 0));
    }

    [Fact]
    public void A_value_far_above_the_median_by_MAD_is_a_spike()
    {
        // previous 8: 100 102 98 101 99 103 97 100 → sorted 97 98 99 100 100 101 102 103, median 100
        // |x − 100|: 0 2 2 1 1 3 3 0 → sorted 0 0 1 1 2 2 3 3, MAD = 1.5; limit = 3 · 1.4826 · 1.5 = 6.6717
        double[] previous = [100, 102, 98, 101, 99, 103, 97, 100];
        Assert.Equal(TrendAnomaly.Spike, AnomalyRule.Classify(107, previous, 10));  // 7 > 6.6717
        Assert.Equal(TrendAnomaly.None, AnomalyRule.Classify(106, previous, 10));   // 6 ≤ 6.6717
        Assert.Equal(TrendAnomaly.Drop, AnomalyRule.Classify(93, previous, 10));    // −7
    }

    [Fact]
    public void Only_the_last_8_periods_form_the_baseline()
    {
        // the first value (10 000) is the 9th from the end and is ignored; otherwise as above
        double[] previous = [10_000, 100, 102, 98, 101, 99, 103, 97, 100];
        Assert.Equal(TrendAnomaly.Spike, AnomalyRule.Classify(107, previous, 10));
    }

    [Fact]
    public void A_flat_history_flags_only_beyond_the_minimum_change()
    {
        // median 50, MAD 0 → limit is the minimum change, 5
        double[] previous = [50, 50, 50, 50];
        Assert.Equal(TrendAnomaly.None, AnomalyRule.Classify(55, previous, 5));
        Assert.Equal(TrendAnomaly.Spike, AnomalyRule.Classify(56, previous, 5));
        Assert.Equal(TrendAnomaly.Drop, AnomalyRule.Classify(44, previous, 5));
    }

    [Fact]
    public void Fewer_than_4_previous_periods_is_insufficient_history() =>
        Assert.Equal(TrendAnomaly.InsufficientHistory, AnomalyRule.Classify(1000, [1, 2, 3], 0));

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, AnomalyRule.Median([4, 1, 3, 2])); // 1 2 | 3 4 → (2 + 3) / 2

    [Theory]
    [InlineData(29, 30, true)]
    [InlineData(30, 30, false)]
    public void Fewer_ratings_than_the_minimum_is_a_small_sample(long ratings, int minimum, bool small) =>
        Assert.Equal(small, SmallSample.IsSmall(ratings, minimum));
}
