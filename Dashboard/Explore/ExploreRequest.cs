using System.Globalization;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The query string every Explore answer takes: <c>period</c> (or <c>from</c>/<c>to</c>), the filters of
/// <see cref="ExploreFilters"/>, and <c>rows</c> per breakdown. A wrong value is a 400 naming the parameter and the rule.
/// </summary>
public sealed record ExploreRequest(ExplorePeriod Period, ExploreFilters Filters, int Rows)
{
    public const int DefaultRows = 10;

    public static (ExploreRequest? Request, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, DateTimeOffset now, TimeZoneInfo zone)
    {
        string? One(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        var (period, errors) = ExplorePeriod.Resolve(One("period"), One("from"), One("to"), now, zone);
        var (filters, filterErrors) = ExploreFilters.Parse(One);
        foreach (var (key, value) in filterErrors)
        {
            errors[key] = value;
        }
        var rows = DefaultRows;
        if (One("rows") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > ExploreQuery.MaxRows))
        {
            errors["rows"] = [$"range: rows must be a whole number between 1 and {ExploreQuery.MaxRows}."];
        }
        return errors.Count > 0 || period is null || filters is null ? (null, errors) : (new ExploreRequest(period, filters, rows), errors);
    }
}
