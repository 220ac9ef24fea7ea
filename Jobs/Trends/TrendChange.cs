namespace Icesco.Insights.Jobs.Trends;

/// <summary>Period-over-period change.</summary>
public static class TrendChange
{
    /// <summary>
    /// Relative change <c>(current − previous) / previous</c>; null when there is no previous value or
    /// it is 0, because "up from nothing" has no meaningful percentage.
    /// </summary>
    public static double? Relative(double? current, double? previous) =>
        current is null || previous is null || previous == 0 ? null : (current.Value - previous.Value) / previous.Value;

    /// <summary>Ratings per 1,000 views; null when there were no views.</summary>
    public static double? PerThousand(long count, long views) => views == 0 ? null : count * 1000.0 / views;
}
