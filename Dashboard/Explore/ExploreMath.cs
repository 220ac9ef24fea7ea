using Icesco.Insights.Storage.Statistics;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>Figures and changes from the counts a query returns (pure, so the rules are tested without an engine).</summary>
public static class ExploreMath
{
    public static ExploreFigures Figures(long views, long? visitors, long ratings, long satisfied, long comments, int minimumSample)
    {
        var interval = WilsonInterval.Compute(satisfied, ratings);
        return new ExploreFigures(
            views, visitors, ratings, satisfied, comments,
            ratings == 0 ? null : (double)satisfied / ratings,
            interval?.Low, interval?.High,
            views == 0 ? null : 1000.0 * ratings / views,
            ratings < minimumSample);
    }

    /// <summary>(current − previous) / previous; null when there is nothing to compare with.</summary>
    public static double? Change(double current, double previous) => previous == 0 ? null : (current - previous) / previous;

    /// <summary>CSAT change in points (0.05 = five points), null unless both periods have ratings.</summary>
    public static double? PointChange(double? current, double? previous) => current is null || previous is null ? null : current - previous;

    public static ExploreTotals Totals(ExploreFigures current, ExploreFigures previous) => new(
        current, previous,
        Change(current.Views, previous.Views),
        current.Visitors is { } now && previous.Visitors is { } before ? Change(now, before) : null,
        Change(current.Ratings, previous.Ratings),
        PointChange(current.Csat, previous.Csat));
}
