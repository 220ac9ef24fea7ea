namespace Icesco.Insights.Jobs.Trends;

/// <summary>A local day or an ISO week (Monday to Sunday).</summary>
public enum TrendPeriodKind
{
    Day,
    Week,
}

/// <summary>One period, by its kind and first local day.</summary>
public readonly record struct TrendPeriod(TrendPeriodKind Kind, DateOnly Start)
{
    /// <summary>The stored spelling of <see cref="Kind"/>.</summary>
    public string KindName => Kind == TrendPeriodKind.Day ? "day" : "week";

    /// <summary>The day after the period.</summary>
    public DateOnly End => Start.AddDays(Length);

    private int Length => Kind == TrendPeriodKind.Day ? 1 : 7;

    /// <summary>The period <paramref name="offset"/> periods away (negative = earlier).</summary>
    public TrendPeriod Shift(int offset) => this with { Start = Start.AddDays(offset * Length) };

    /// <summary>The day or ISO week containing <paramref name="date"/>.</summary>
    public static TrendPeriod Containing(TrendPeriodKind kind, DateOnly date) => kind == TrendPeriodKind.Day
        ? new(kind, date)
        : new(kind, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))); // DayOfWeek counts from Sunday; ISO from Monday

    /// <summary>The period as UTC instants [from, to) for a time zone: local midnights converted.</summary>
    public (DateTime From, DateTime To) ToUtc(TimeZoneInfo zone) => (LocalMidnightToUtc(Start, zone), LocalMidnightToUtc(End, zone));

    private static DateTime LocalMidnightToUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A clock change at midnight would make midnight not exist; the day then starts an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public override string ToString() => $"{KindName} {Start:yyyy-MM-dd}";
}
