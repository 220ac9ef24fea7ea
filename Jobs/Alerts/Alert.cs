using Icesco.Insights.Jobs.Trends;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>What the quiet period counts: one kind of alert about one value of one dimension.</summary>
public readonly record struct AlertSubject(AlertKind Kind, string Dimension, string Value)
{
    public override string ToString() => $"{Kind.ToStored()} {Dimension} {Value}";
}

/// <summary>An alert found in a period's trends, before it is recorded.</summary>
/// <param name="Subject">What the alert is about.</param>
/// <param name="Period">The completed day or ISO week it was found in.</param>
/// <param name="Observed">Views (spike, drop) or the CSAT share (satisfaction drop) in the period.</param>
/// <param name="Baseline">The median of the same measure over the previous periods.</param>
/// <param name="ObservedHigh">For a satisfaction drop, the Wilson upper bound that was compared with the baseline.</param>
public sealed record Alert(AlertSubject Subject, TrendPeriod Period, double Observed, double Baseline, double? ObservedHigh = null)
{
    /// <summary>What makes a record unique: re-evaluating the same period finds this key and raises nothing.</summary>
    public (AlertSubject Subject, TrendPeriod Period) Key => (Subject, Period);
}

/// <summary>A recorded alert (table <c>alerts</c>, migration 0008).</summary>
public sealed record AlertRecord(Alert Alert, DateTimeOffset RaisedAt, DateTimeOffset? EmailedAt)
{
    public bool Emailed => EmailedAt is not null;
}
