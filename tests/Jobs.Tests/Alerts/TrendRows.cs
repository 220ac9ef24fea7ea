using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.Statistics;

namespace Icesco.Insights.Jobs.Tests.Alerts;

/// <summary>Builds stored trend rows with plain defaults (100 views, no ratings, no anomaly) that a test overrides.</summary>
public static class TrendRows
{
    public static TrendRow Row(
        TrendPeriod period,
        string value,
        long views = 100,
        TrendAnomaly anomaly = TrendAnomaly.None,
        string dimension = "topic",
        long satisfied = 0,
        long ratings = 0)
    {
        var interval = WilsonInterval.Compute(satisfied, ratings);
        return new TrendRow(
            period, dimension, value, views, views / 2, ratings, null, Csat.Share(satisfied, ratings), interval?.Low, interval?.High,
            TrendChange.PerThousand(ratings, views), null, null, anomaly, SmallSample.IsSmall(ratings, 30));
    }

    /// <summary>The <paramref name="count"/> periods before <paramref name="period"/>, oldest first.</summary>
    public static IEnumerable<TrendPeriod> Before(TrendPeriod period, int count = 8) =>
        Enumerable.Range(1, count).Reverse().Select(i => period.Shift(-i));
}
