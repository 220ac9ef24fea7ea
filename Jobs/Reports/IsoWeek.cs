using System.Globalization;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>An ISO 8601 week (Monday to Sunday), written <c>2026-W47</c>.</summary>
public readonly partial record struct IsoWeek(int Year, int Week)
{
    /// <summary>Its Monday.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>Its Sunday.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week before.</summary>
    public IsoWeek Previous => Containing(Monday.AddDays(-7));

    /// <summary>The ISO week <paramref name="day"/> falls in.</summary>
    public static IsoWeek Containing(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The last week that has ended before <paramref name="today"/> (on a Monday, the week just finished).</summary>
    public static IsoWeek LastCompleteBefore(DateOnly today) => Containing(today).Previous;

    /// <summary>Parses <c>2026-W47</c> (also <c>2026W47</c>); false for anything else or a week the year lacks.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = new IsoWeek(year, number);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    [GeneratedRegex(@"^(?<year>\d{4})-?W(?<week>\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
