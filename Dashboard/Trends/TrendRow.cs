namespace Icesco.Insights.Dashboard.Trends;

/// <summary>One row of <c>trends</c> (FINAL: the latest computation of its period), as the API returns it.</summary>
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
    DateTimeOffset ComputedAt);
