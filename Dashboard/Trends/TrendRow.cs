namespace Icesco.Insights.Dashboard.Trends;

/// <summary>
/// One row of <c>trends</c> (FINAL: the latest computation of its period), as the API returns it. A period still
/// under way when it was computed is <see cref="InProgress"/>: its changes compare it with the same elapsed time of
/// the period before, and it has no anomaly verdict (the Jobs' <c>in-progress</c>).
/// </summary>
public sealed record TrendRow(
    string Kind,
    DateOnly PeriodStart,
    string Dimension,
    string Value,
    long Views,
    long UniqueVisitors,
    long Ratings,
    double? MeanRating,
    double? Csat,
    double? CsatLow,
    double? CsatHigh,
    double? ViewsChange,
    double? CsatChange,
    string Anomaly,
    bool SmallSample,
    DateTimeOffset ComputedAt)
{
    public const string InProgressAnomaly = "in-progress";

    /// <summary>The period had not ended when it was computed.</summary>
    public bool InProgress => Anomaly == InProgressAnomaly;
}
