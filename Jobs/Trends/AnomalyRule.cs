namespace Icesco.Insights.Jobs.Trends;

/// <summary>
/// Flags a period against the median and MAD of the previous periods. Median and MAD, unlike mean and
/// standard deviation, are not dragged by the very spikes we want to find.
/// </summary>
public static class AnomalyRule
{
    /// <summary>How many previous periods form the baseline.</summary>
    public const int BaselinePeriods = 8;

    /// <summary>Fewer previous periods than this and no verdict is given.</summary>
    public const int MinimumHistory = 4;

    /// <summary>Scales MAD to a standard deviation for normally distributed data.</summary>
    public const double MadScale = 1.4826;

    /// <summary>Threshold in (scaled) MADs.</summary>
    public const double Threshold = 3;

    /// <summary>
    /// Classifies <paramref name="value"/> against the last <see cref="BaselinePeriods"/> of <paramref name="previous"/>
    /// (oldest first). When MAD is 0 (a flat history) any difference would be "infinitely many MADs", so only a
    /// difference beyond <paramref name="minimumChange"/> counts.
    /// </summary>
    public static TrendAnomaly Classify(double value, IReadOnlyList<double> previous, double minimumChange)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var baseline = previous.Skip(Math.Max(0, previous.Count - BaselinePeriods)).ToArray();
        if (baseline.Length < MinimumHistory)
        {
            return TrendAnomaly.InsufficientHistory;
        }

        var median = Median(baseline);
        var mad = Median(baseline.Select(v => Math.Abs(v - median)).ToArray());
        var deviation = value - median;
        var limit = mad == 0 ? minimumChange : Threshold * MadScale * mad;
        if (Math.Abs(deviation) <= limit)
        {
            return TrendAnomaly.None;
        }
        return deviation > 0 ? TrendAnomaly.Spike : TrendAnomaly.Drop;
    }

    /// <summary>The median; the mean of the two middle values for an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
