using System.Text.RegularExpressions;

namespace Icesco.Insights.Panels;

/// <summary>
/// The <c>{name:Type}</c> parameters a panel's SQL may use, all derived from the period being shown.
/// A fixed list, so a definition cannot ask for a value no caller provides, and the types match what
/// <see cref="PanelPeriod.Values"/> supplies.
/// </summary>
public static partial class PanelParameters
{
    /// <summary>Name → ClickHouse type, as written in the SQL.</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["period_start"] = "Date",     // first local day of the period shown (a Monday for weeks)
        ["period_end"] = "Date",       // first local day after it
        ["previous_start"] = "Date",   // first day of the period before
        ["history_start"] = "Date",    // first day of the history window (8 periods including this one)
        ["from_utc"] = "DateTime",     // the period's bounds in UTC, for the minute and hour rollups
        ["to_utc"] = "DateTime",
        ["limit"] = "UInt32",          // how many rows a ranking shows
    };

    /// <summary>Every <c>{name:Type}</c> placeholder in <paramref name="sql"/>, in order of appearance.</summary>
    public static IReadOnlyList<(string Name, string Type)> Used(string sql) =>
        [.. Placeholder().Matches(sql).Select(m => (m.Groups["name"].Value, m.Groups["type"].Value.Trim()))];

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?<type>[^{}]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A period a panel is shown for, and the parameter values derived from it.</summary>
/// <param name="Start">First local day.</param>
/// <param name="End">First local day after the period.</param>
/// <param name="HistoryPeriods">How many periods (this one included) history charts cover.</param>
/// <param name="TimeZone">The zone whose local days these are (converts the bounds to UTC).</param>
/// <param name="Limit">Rows a ranking shows.</param>
public sealed record PanelPeriod(DateOnly Start, DateOnly End, int HistoryPeriods, TimeZoneInfo TimeZone, int Limit)
{
    /// <summary>The ISO week starting on <paramref name="monday"/>, with 8 weeks of history.</summary>
    public static PanelPeriod Week(DateOnly monday, TimeZoneInfo timeZone, int limit = 10) =>
        new(monday, monday.AddDays(7), 8, timeZone, limit);

    /// <summary>Values for the parameters <paramref name="sql"/> uses (Date as <see cref="DateTime"/> at midnight, DateTime in UTC).</summary>
    public IReadOnlyDictionary<string, object> Values(string sql)
    {
        var length = End.DayNumber - Start.DayNumber;
        var all = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["period_start"] = AsDate(Start),
            ["period_end"] = AsDate(End),
            ["previous_start"] = AsDate(Start.AddDays(-length)),
            ["history_start"] = AsDate(Start.AddDays(-length * (HistoryPeriods - 1))),
            ["from_utc"] = ToUtc(Start),
            ["to_utc"] = ToUtc(End),
            ["limit"] = (uint)Limit,
        };
        return PanelParameters.Used(sql).Select(p => p.Name).Distinct().ToDictionary(n => n, n => all[n], StringComparer.Ordinal);
    }

    private static DateTime AsDate(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private DateTime ToUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), TimeZone);
}
