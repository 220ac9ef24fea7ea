namespace Icesco.Insights.Jobs.Trends;

/// <summary>How a period's value compares with its robust baseline; stored as the names below.</summary>
public enum TrendAnomaly
{
    None,
    Spike,
    Drop,
    InsufficientHistory,

    /// <summary>The period had not ended when computed: its baseline is whole periods, so no verdict yet.</summary>
    InProgress,
}

/// <summary>The stored spelling of <see cref="TrendAnomaly"/> values.</summary>
public static class TrendAnomalyNames
{
    public static string ToStored(this TrendAnomaly anomaly) => anomaly switch
    {
        TrendAnomaly.None => "none",
        TrendAnomaly.Spike => "spike",
        TrendAnomaly.Drop => "drop",
        TrendAnomaly.InsufficientHistory => "insufficient-history",
        TrendAnomaly.InProgress => "in-progress",
        _ => throw new ArgumentOutOfRangeException(nameof(anomaly), anomaly, null),
    };
}
