using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// Finds the alerts of one period in its trend window (<see cref="TrendWindowQuery"/>): traffic alerts where the trend
/// row is already flagged <c>spike</c> or <c>drop</c> (decision 0010's median/MAD rule, not a second opinion), and
/// satisfaction drops by <see cref="SatisfactionDropRule"/>. Pure: no I/O, no clock.
/// </summary>
public static class AlertRules
{
    /// <summary>
    /// Whether the period's trends were computed after it ended, so they hold all of it. A row computed mid-period
    /// (the trends job of the last hour before midnight) would make a normal day look like a drop.
    /// </summary>
    public static bool IsComplete(TrendPeriod period, IReadOnlyList<AlertTrendRow> window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        var current = window.Where(r => r.PeriodStart == period.Start).ToArray();
        return current.Length > 0 && current.Max(r => r.ComputedAt) >= new DateTimeOffset(period.ToUtc(zone).To, TimeSpan.Zero);
    }

    /// <summary>The alerts of <paramref name="period"/>, ordered by dimension, value and kind.</summary>
    public static IReadOnlyList<Alert> Evaluate(TrendPeriod period, IReadOnlyList<AlertTrendRow> window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var alerts = new List<Alert>();
        foreach (var dimension in window.GroupBy(r => r.Dimension).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // As in the trends: a previous period computed for this dimension where a value had no row counts as 0 views.
            var computed = dimension.Select(r => r.PeriodStart).Where(p => p < period.Start).Distinct().Order().ToArray();
            var rows = dimension.ToDictionary(r => (r.PeriodStart, r.Value));
            foreach (var row in dimension.Where(r => r.PeriodStart == period.Start).OrderBy(r => r.Value, StringComparer.Ordinal))
            {
                var history = computed.Select(p => rows.GetValueOrDefault((p, row.Value))).ToArray();
                if (Traffic(row) is { } kind && computed.Length > 0)
                {
                    var baseline = AnomalyRule.Median(history.Select(h => h is null ? 0d : h.Views).ToArray());
                    alerts.Add(new Alert(new AlertSubject(kind, row.Dimension, row.Value), period, row.Views, baseline));
                }

                var previous = history.OfType<AlertTrendRow>().Select(ToSatisfaction).ToArray();
                if (SatisfactionDropRule.Drop(ToSatisfaction(row), previous) is { } median)
                {
                    alerts.Add(new Alert(
                        new AlertSubject(AlertKind.SatisfactionDrop, row.Dimension, row.Value), period, row.Csat ?? 0, median, row.CsatHigh));
                }
            }
        }
        return alerts;
    }

    private static AlertKind? Traffic(AlertTrendRow row) =>
        row.Anomaly == TrendAnomaly.Spike.ToStored() ? AlertKind.Spike
        : row.Anomaly == TrendAnomaly.Drop.ToStored() ? AlertKind.Drop
        : null;

    private static SatisfactionDropRule.Satisfaction ToSatisfaction(AlertTrendRow row) => new(row.Csat, row.CsatHigh, row.SmallSample);
}
