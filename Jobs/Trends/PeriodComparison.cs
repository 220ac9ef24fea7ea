namespace Icesco.Insights.Jobs.Trends;

/// <summary>
/// What a period is compared with. A whole period is compared with the whole period before it (from the stored
/// history). A period in progress is compared like with like: with the same elapsed hours of the period before it,
/// read from the rollups, since a partial week set against a full one always looks like a drop.
/// </summary>
public sealed class PeriodComparison
{
    private readonly IReadOnlyDictionary<string, PeriodEngagement>? previousSoFar;

    private PeriodComparison(IReadOnlyDictionary<string, PeriodEngagement>? previousSoFar) => this.previousSoFar = previousSoFar;

    /// <summary>The period had ended when computed.</summary>
    public static PeriodComparison Whole { get; } = new(null);

    public bool InProgress => previousSoFar is not null;

    /// <summary>A period in progress, with the previous period's engagement over the same elapsed time.</summary>
    public static PeriodComparison SoFar(IEnumerable<PeriodEngagement> previousSoFar) =>
        new(previousSoFar.ToDictionary(e => e.Value, StringComparer.Ordinal));

    /// <summary>The previous views and CSAT to compare <paramref name="value"/> with; null where unknown.</summary>
    public (double? Views, double? Csat) Previous(TrendPeriod period, string value, TrendHistory history)
    {
        if (previousSoFar is null)
        {
            var whole = history.At(period.Shift(-1).Start, value);
            return (whole?.Views, whole?.Csat);
        }
        // A value absent from the previous period's span had no views there: "up from nothing" has no percentage.
        return previousSoFar.TryGetValue(value, out var soFar) ? (soFar.Views, Csat.Share(soFar.Satisfied, soFar.Ratings)) : (null, null);
    }

    /// <summary>
    /// The span of the previous period to compare a period in progress with: as many hours from its start as have
    /// begun in this one. The rollups are hourly, so the hour under way counts on both sides.
    /// </summary>
    public static (DateTime From, DateTime To) SameElapsedBefore(DateTime periodFromUtc, DateTime previousFromUtc, DateTime nowUtc)
    {
        var elapsed = nowUtc - periodFromUtc;
        var hours = elapsed < TimeSpan.Zero ? 0 : elapsed.Ticks / TimeSpan.TicksPerHour + 1;
        return (previousFromUtc, previousFromUtc.AddHours(hours));
    }
}
