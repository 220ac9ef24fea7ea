namespace Icesco.Insights.Jobs.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>Views far above the baseline (the trend row's anomaly is <c>spike</c>).</summary>
    Spike,

    /// <summary>Views far below the baseline (anomaly <c>drop</c>).</summary>
    Drop,

    /// <summary>Satisfaction clearly below its usual level (<see cref="SatisfactionDropRule"/>).</summary>
    SatisfactionDrop,
}

/// <summary>The stored spelling of <see cref="AlertKind"/> values.</summary>
public static class AlertKindNames
{
    public static string ToStored(this AlertKind kind) => kind switch
    {
        AlertKind.Spike => "spike",
        AlertKind.Drop => "drop",
        AlertKind.SatisfactionDrop => "satisfaction-drop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AlertKind Parse(string stored) => stored switch
    {
        "spike" => AlertKind.Spike,
        "drop" => AlertKind.Drop,
        "satisfaction-drop" => AlertKind.SatisfactionDrop,
        _ => throw new FormatException($"'{stored}' is not an alert kind."),
    };
}
