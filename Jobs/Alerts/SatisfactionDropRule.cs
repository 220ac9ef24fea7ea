using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// A satisfaction drop: even the optimistic end of this period's CSAT (the Wilson 95 % upper bound) is below the
/// median CSAT of the same value over the previous <see cref="AnomalyRule.BaselinePeriods"/> periods. Comparing
/// the upper bound, not the CSAT itself, keeps a few unhappy answers in a thin period from raising an alert;
/// the median keeps one bad past period from moving the baseline. Small samples are never judged, and only
/// previous periods that were not small samples form the baseline — at least <see cref="AnomalyRule.MinimumHistory"/>.
/// </summary>
public static class SatisfactionDropRule
{
    /// <summary>One period's CSAT of a value as the trends store it.</summary>
    public readonly record struct Satisfaction(double? Csat, double? CsatHigh, bool SmallSample);

    /// <summary>The baseline median when <paramref name="current"/> is a drop against <paramref name="previous"/> (oldest first); otherwise null.</summary>
    public static double? Drop(Satisfaction current, IReadOnlyList<Satisfaction> previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (current.SmallSample || current.CsatHigh is not { } high)
        {
            return null;
        }
        var baseline = previous
            .Skip(Math.Max(0, previous.Count - AnomalyRule.BaselinePeriods))
            .Where(p => !p.SmallSample && p.Csat is not null)
            .Select(p => p.Csat!.Value)
            .ToArray();
        if (baseline.Length < AnomalyRule.MinimumHistory)
        {
            return null;
        }
        var median = AnomalyRule.Median(baseline);
        return high < median ? median : null;
    }
}
