namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// When people read: an hourly curve (quiet nights, a morning peak and an evening peak) in the
/// readers' local time, and a weekly one (lighter on Friday to Sunday, as the weekends of the
/// Gulf, the Levant and the Maghreb overlap there). Local time is taken as UTC+3: most readers
/// are between Morocco (UTC+1) and the Gulf (UTC+4).
/// </summary>
public static class Rhythm
{
    public static readonly TimeSpan ReadersOffset = TimeSpan.FromHours(3);

    // Relative views per local hour, 00:00 to 23:00.
    private static readonly double[] Hourly =
    [
        0.30, 0.20, 0.14, 0.10, 0.10, 0.14, 0.30, 0.60, 0.95, 1.25, 1.40, 1.45,
        1.40, 1.30, 1.20, 1.15, 1.10, 1.10, 1.15, 1.25, 1.30, 1.20, 0.90, 0.55,
    ];

    private static readonly double HourlyMean = Hourly.Average();

    /// <summary>Relative views per day of week, Sunday first.</summary>
    private static readonly double[] Weekly = [0.85, 1.08, 1.10, 1.10, 1.05, 0.80, 0.70];

    private static readonly double WeeklyMean = Weekly.Average();

    /// <summary>How busy the hour starting at <paramref name="utc"/> is, relative to an average hour (mean 1).</summary>
    public static double Weight(DateTimeOffset utc)
    {
        var local = utc.ToOffset(ReadersOffset);
        return Hourly[local.Hour] / HourlyMean * (Weekly[(int)local.DayOfWeek] / WeeklyMean);
    }
}
