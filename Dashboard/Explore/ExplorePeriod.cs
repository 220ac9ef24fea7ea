using System.Globalization;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// A period of the Explore pages in the local calendar of <c>Trends:TimeZone</c>, as UTC instants
/// <c>[Start, End)</c>, with the period of the same length just before it (<c>[PreviousStart, PreviousEnd)</c>).
/// A period still under way ends at the end of the current hour, and its comparison covers the same elapsed hours
/// of the period before (docs/decisions/0021).
/// </summary>
public sealed record ExplorePeriod(
    string Preset,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset PreviousStart,
    DateTimeOffset PreviousEnd,
    ExploreBucket Bucket,
    bool InProgress)
{
    public static readonly IReadOnlyList<string> Presets = ["today", "yesterday", "7d", "30d", "this_month", "last_month", "12m", "custom"];

    /// <summary>Longest custom range: two years of days keeps a weekly series and a scan of the rollup bounded.</summary>
    public const int MaxDays = 731;

    /// <summary>
    /// The period of <paramref name="preset"/> (default <c>7d</c>) at <paramref name="now"/>; <c>custom</c> takes
    /// <paramref name="from"/> and <paramref name="to"/> as local dates (yyyy-MM-dd, both included). Errors name the parameter.
    /// </summary>
    public static (ExplorePeriod? Period, Dictionary<string, string[]> Errors) Resolve(
        string? preset, string? from, string? to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        preset ??= from is null && to is null ? "7d" : "custom";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly first = today, last = today;
        switch (preset)
        {
            case "today": (first, last) = (today, today); break;
            case "yesterday": (first, last) = (today.AddDays(-1), today.AddDays(-1)); break;
            // Whole days ending yesterday: a shared link shows settled numbers; "today" shows the day under way.
            case "7d": (first, last) = (today.AddDays(-7), today.AddDays(-1)); break;
            case "30d": (first, last) = (today.AddDays(-30), today.AddDays(-1)); break;
            case "this_month": (first, last) = (new DateOnly(today.Year, today.Month, 1), today); break;
            case "last_month":
                var monthStart = new DateOnly(today.Year, today.Month, 1);
                (first, last) = (monthStart.AddMonths(-1), monthStart.AddDays(-1));
                break;
            case "12m":
                var thisMonth = new DateOnly(today.Year, today.Month, 1);
                (first, last) = (thisMonth.AddMonths(-12), thisMonth.AddDays(-1));
                break;
            case "custom":
                var parsedFrom = Day(from, "from", errors);
                var parsedTo = Day(to, "to", errors);
                if (parsedFrom is null || parsedTo is null)
                {
                    return (null, errors);
                }
                (first, last) = (parsedFrom.Value, parsedTo.Value);
                if (last < first)
                {
                    errors["to"] = ["order: to must be on or after from."];
                }
                else if (last.DayNumber - first.DayNumber + 1 > MaxDays)
                {
                    errors["to"] = [$"range: a custom period is at most {MaxDays} days."];
                }
                else if (first > today)
                {
                    errors["from"] = ["range: from must not be after today."];
                }
                break;
            default:
                errors["period"] = [$"one-of: period must be one of {string.Join(", ", Presets)}."];
                break;
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (last > today)
        {
            last = today;
        }
        var days = last.DayNumber - first.DayNumber + 1;
        var start = LocalMidnight(first, zone);
        var wholeEnd = LocalMidnight(last.AddDays(1), zone);
        var inProgress = wholeEnd > now;
        var end = inProgress ? NextHour(now) : wholeEnd;
        var previousStart = LocalMidnight(first.AddDays(-days), zone);
        var previousEnd = inProgress ? ShiftLocalDays(end, -days, zone) : start;
        var bucket = days <= 2 ? ExploreBucket.Hour : days <= 93 ? ExploreBucket.Day : ExploreBucket.Week;
        return (new ExplorePeriod(preset, first, last, start, end, previousStart, previousEnd, bucket, inProgress), errors);
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            errors[name] = [$"required: {name} is required for a custom period (yyyy-MM-dd)."];
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[name] = [$"format: {name} must be a date as yyyy-MM-dd."];
            return null;
        }
        return day;
    }

    /// <summary>The instant a local day begins; a day whose midnight a clock change skips begins at the first valid minute.</summary>
    internal static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone) => LocalToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    private static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    private static DateTimeOffset ShiftLocalDays(DateTimeOffset instant, int days, TimeZoneInfo zone) =>
        LocalToUtc(TimeZoneInfo.ConvertTime(instant, zone).DateTime.AddDays(days), zone);

    private static DateTimeOffset NextHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        return hour.AddHours(1);
    }
}
