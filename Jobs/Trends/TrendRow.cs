using Icesco.Insights.Storage.Statistics;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>One row of <c>trends</c> (migration 0007).</summary>
public sealed record TrendRow(
    TrendPeriod Period,
    string Dimension,
    string Value,
    long Views,
    long UniqueVisitors,
    long Ratings,
    double? MeanRating,
    double? Csat,
    double? CsatLow,
    double? CsatHigh,
    double? RatingsPer1000Views,
    double? ViewsChange,
    double? CsatChange,
    TrendAnomaly Anomaly,
    bool SmallSample)
{
    /// <summary>Turns one period's engagement and the stored history into a trend row.</summary>
    public static TrendRow From(
        TrendPeriod period, TrendDimension dimension, PeriodEngagement now, TrendHistory history, PeriodComparison comparison, TrendsOptions options)
    {
        var csat = Trends.Csat.Share(now.Satisfied, now.Ratings);
        var interval = WilsonInterval.Compute(now.Satisfied, now.Ratings);
        var previous = comparison.Previous(period, now.Value, history);
        return new TrendRow(
            period,
            dimension.Name,
            now.Value,
            now.Views,
            now.UniqueVisitors,
            now.Ratings,
            Trends.Csat.MeanNormalised(now.RatingScoreSum, now.Ratings),
            csat,
            interval?.Low,
            interval?.High,
            TrendChange.PerThousand(now.Ratings, now.Views),
            TrendChange.Relative(now.Views, previous.Views),
            TrendChange.Relative(csat, previous.Csat),
            comparison.InProgress ? TrendAnomaly.InProgress : AnomalyRule.Classify(now.Views, history.Views(now.Value), options.AnomalyMinimumChange),
            Trends.SmallSample.IsSmall(now.Ratings, options.MinimumSample));
    }
}
