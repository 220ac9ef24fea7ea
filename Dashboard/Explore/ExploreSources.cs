using System.Globalization;
using System.Text;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// Where one Explore question reads its rows (docs/decisions/0023, 0031). First the sketch rollups of migration 0015, which
/// keep one mergeable visitor set per hour and local day: <c>explore_facets_*</c> for a question with at most one filter
/// or breakdown dimension, <c>explore_state_topic_*</c> for member state and topic together. Else the smallest daily
/// rollup of migration 0012 that holds the question's filters and breakdown for the period's whole local days, with
/// <c>explore_1h</c> for the hours of a day still under way; <c>explore_1h</c> alone for hourly series, for a
/// combination no daily rollup holds, or when the rollups' days are not those of <c>Trends:TimeZone</c>. Every source
/// has the same columns: <c>t</c> (the UTC start of the day or hour), <c>cur</c> (the period rather than the one
/// before), the dimensions asked, and the counts; <see cref="MergeVisitorsIf"/> names the merge its visitor sets need.
/// </summary>
public sealed class ExploreSources(IOptions<ClickHouseOptions> clickHouse, IOptions<ExploreOptions> options)
{
    /// <summary>One way to read a question: its daily table (null: hourly only), its hourly table, the dimensions it
    /// holds, and for the facet rollup the facet a row must be (its <c>value</c> column then named after it).</summary>
    private sealed record Rollup(string? Daily, string Hourly, string[] Dimensions, string? Facet = null, bool Sketch = false, bool Visitors = true);

    private const string Sketched = "uniqCombinedMergeIf(14)";
    private const string Hashed = "uniqMergeIf";

    private static readonly string[] StateTopic = ["member_state", "topic"];

    /// <summary>The daily rollups of migration 0012, smallest first, with the dimensions each holds; explore_1h serves their day under way.</summary>
    private static readonly (string Table, string[] Dimensions)[] Daily =
    [
        ("explore_1d", ["topic", "language", "device", "source"]),
        ("explore_country_1d", ["topic", "language", "device", "source", "country"]),
        ("explore_states_1d", ["topic", "language", "device", "source", "member_state"]),
        ("explore_state_country_1d", ["topic", "member_state", "country"]),
    ];

    private const string Counts = "views, visitors, ratings, satisfied, comments";

    /// <summary>Whether the daily rollups' local days are the page's (same zone): otherwise they cannot answer a local day.</summary>
    public bool DailyUsable => string.Equals(options.Value.TimeZone, clickHouse.Value.RollupTimeZone, StringComparison.Ordinal);

    /// <summary>The table a question with these filters and this breakdown reads its whole days from (its hourly table when it reads no daily one).</summary>
    public string TableFor(ExplorePeriod period, ExploreFilters filters, string? breakdown)
    {
        var rollup = Choose(period, filters, breakdown);
        return ReadsDaily(period) && rollup.Daily is not null ? rollup.Daily : rollup.Hourly;
    }

    /// <summary>The aggregate (with <c>-MergeIf</c>) that merges the visitor sets <see cref="From"/> reads for this question.</summary>
    public string MergeVisitorsIf(ExplorePeriod period, ExploreFilters filters, string? breakdown) =>
        Choose(period, filters, breakdown).Sketch ? Sketched : Hashed;

    /// <summary>
    /// The table pair a breakdown by <paramref name="breakdown"/> reads when it is a facet rollup's (one row per dimension
    /// value, so several breakdowns can be one scan: <see cref="FromFacets"/>); null when it is not.
    /// </summary>
    public string? FacetSource(ExplorePeriod period, ExploreFilters filters, string breakdown)
    {
        var rollup = Choose(period, filters, breakdown);
        // The site's facets answer several breakdowns at once only without filters (a filter would be one more facet).
        return rollup.Facet is null || (rollup.Visitors && filters.Values.Count > 0) ? null : $"{rollup.Daily}+{rollup.Hourly}";
    }

    /// <summary>
    /// The rows of both periods for the breakdowns by <paramref name="dimensions"/>, which share one <see cref="FacetSource"/>:
    /// columns <c>t</c>, <c>cur</c>, <c>facet</c> (the dimension), <c>value</c> and the counts without visitors.
    /// </summary>
    public string FromFacets(ExplorePeriod period, ExploreFilters filters, IReadOnlyList<string> dimensions, ClickHouseParameterCollection parameters)
    {
        var rollup = Choose(period, filters, dimensions[0]);
        const string counts = "views, ratings, satisfied, comments";
        // Dimension names only (never user text): ExploreFilters.Dimensions.
        var only = $" AND facet IN ({string.Join(", ", dimensions.Select(d => $"'{ExploreFilters.Dimensions.Single(known => known == d)}'"))})";
        var conditions = filters.Sql(parameters, memberStateArray: false);
        if (rollup.Visitors)
        {
            return Rows(period, rollup.Daily, rollup.Hourly, $"facet, value, {counts}", only + conditions, parameters);
        }
        const string perFacet = "[('language', toString(language)), ('device', toString(device)), ('source', toString(source)), ('country', toString(country))]";
        return Rows(period, rollup.Daily, $"explore_1h ARRAY JOIN member_states AS member_state ARRAY JOIN {perFacet} AS facet_value",
            $"member_state, topic, facet, value, {counts}", only + conditions, parameters,
            hourly: ($"member_state, topic, facet_value.1 AS facet, facet_value.2 AS value, {counts}", only + conditions));
    }

    /// <summary>The rows of both periods for <paramref name="filters"/> and <paramref name="breakdown"/>, as a parenthesised subquery.</summary>
    public string From(ExplorePeriod period, ExploreFilters filters, string? breakdown, ClickHouseParameterCollection parameters)
    {
        var rollup = Choose(period, filters, breakdown);
        var conditions = filters.Sql(parameters, memberStateArray: false);
        if (rollup.Facet is { } facet && rollup.Visitors)
        {
            // The facet's name is a dimension or '' (never user text); the filter's condition then reads the value by its alias.
            var columns = rollup.Dimensions.Length == 0 ? "" : $"value AS {rollup.Dimensions[0]}, ";
            return Rows(period, rollup.Daily, rollup.Hourly, columns + Counts, $" AND facet = '{facet}'" + conditions, parameters);
        }
        if (rollup.Facet is { } breakdownFacet)
        {
            // Member state × topic × one breakdown dimension (migration 0016), whole days; the day under way from explore_1h.
            return StateTopicBreakdown(period, rollup, breakdownFacet, conditions, parameters);
        }
        var join = rollup.Hourly == "explore_1h" && rollup.Dimensions.Contains("member_state") ? " ARRAY JOIN member_states AS member_state" : "";
        return Rows(period, rollup.Daily, rollup.Hourly + join, Columns(rollup.Dimensions) + Counts, conditions, parameters);
    }

    /// <summary>
    /// Both periods' <paramref name="columns"/> (with <c>t</c> and <c>cur</c>) as a parenthesised subquery: the whole local
    /// days from <paramref name="dailyTable"/>, the hours of a day under way from <paramref name="hourlyTable"/>; the
    /// hourly table alone when there is no daily one or it cannot answer (<see cref="ReadsDaily"/>).
    /// <paramref name="conditions"/> is appended to each branch's WHERE (<c>" AND …"</c>); <paramref name="hourly"/>, when
    /// given, are the hourly branch's own columns and conditions (a daily table shaped differently from its hourly one).
    /// </summary>
    public string Rows(ExplorePeriod period, string? dailyTable, string hourlyTable, string columns, string conditions, ClickHouseParameterCollection parameters,
        (string Columns, string Conditions)? hourly = null)
    {
        var (hourlyColumns, hourlyConditions) = hourly ?? (columns, conditions);
        parameters.AddParameter("start", period.Start.ToUnixTimeSeconds());
        string Hourly(params (DateTimeOffset From, DateTimeOffset To)[] ranges)
        {
            var where = new StringBuilder();
            for (var i = 0; i < ranges.Length; i++)
            {
                parameters.AddParameter($"h_from_{i}", ranges[i].From.ToUnixTimeSeconds());
                parameters.AddParameter($"h_to_{i}", ranges[i].To.ToUnixTimeSeconds());
                where.Append(i == 0 ? "" : " OR ").Append(CultureInfo.InvariantCulture,
                    $"(hour >= toDateTime({{h_from_{i}:Int64}}, 'UTC') AND hour < toDateTime({{h_to_{i}:Int64}}, 'UTC'))");
            }
            return $"""
                SELECT hour AS t, t >= toDateTime({"{start:Int64}"}, 'UTC') AS cur, {hourlyColumns}
                FROM {clickHouse.Value.Database}.{hourlyTable}
                WHERE ({where}){hourlyConditions}
                """;
        }
        if (dailyTable is null || !ReadsDaily(period))
        {
            return $"({Hourly((period.Start, period.End), (period.PreviousStart, period.PreviousEnd))})";
        }
        var zone = options.Value.ResolveTimeZone();
        var (currentDays, currentHours) = Split(period.Start, period.End, zone);
        var (previousDays, previousHours) = Split(period.PreviousStart, period.PreviousEnd, zone);
        parameters.AddParameter("d_start", currentDays.From);
        parameters.AddParameter("d_end", currentDays.To);
        parameters.AddParameter("d_previous_start", previousDays.From);
        parameters.AddParameter("d_previous_end", previousDays.To);
        var branches = new List<string>
        {
            $"""
            SELECT toDateTime(day, '{ZoneLiteral()}') AS t, t >= toDateTime({"{start:Int64}"}, 'UTC') AS cur, {columns}
            FROM {clickHouse.Value.Database}.{dailyTable}
            WHERE ((day >= {"{d_start:Date}"} AND day < {"{d_end:Date}"}) OR (day >= {"{d_previous_start:Date}"} AND day < {"{d_previous_end:Date}"})){conditions}
            """,
        };
        var hours = new[] { currentHours, previousHours }.Where(h => h.From < h.To).ToArray();
        if (hours.Length > 0)
        {
            branches.Add(Hourly(hours));
        }
        return "(" + string.Join("\nUNION ALL\n", branches) + ")";
    }

    /// <summary>Whether a period reads daily rollups at all: not for an hourly series, nor from another zone's days.</summary>
    private bool ReadsDaily(ExplorePeriod period) => period.Bucket != ExploreBucket.Hour && DailyUsable;

    private Rollup Choose(ExplorePeriod period, ExploreFilters filters, string? breakdown)
    {
        var needed = filters.Values.Keys.Append(breakdown).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (needed.Count <= 1)
        {
            return new Rollup("explore_facets_1d", "explore_facets_1h", [.. needed], needed.SingleOrDefault() ?? "", Sketch: true);
        }
        if (needed.IsSubsetOf(StateTopic))
        {
            return new Rollup("explore_state_topic_1d", "explore_state_topic_1h", StateTopic, Sketch: true);
        }
        // A breakdown (no visitors) by one more dimension of a page filtered on member state and topic.
        if (breakdown is not null && ReadsDaily(period) && filters.Values.Count == 2 && StateTopic.All(filters.Values.ContainsKey) && !StateTopic.Contains(breakdown))
        {
            return new Rollup("explore_state_topic_facets_1d", "explore_1h", [.. StateTopic, breakdown], breakdown, Visitors: false);
        }
        if (ReadsDaily(period))
        {
            foreach (var (table, dimensions) in Daily)
            {
                if (needed.IsSubsetOf(dimensions))
                {
                    return new Rollup(table, "explore_1h", dimensions);
                }
            }
        }
        // explore_1h holds every dimension; a member state is a row per state only when one is asked.
        return new Rollup(null, "explore_1h", [.. ExploreFilters.Dimensions.Where(d => d != "member_state" || needed.Contains(d))]);
    }

    /// <summary>
    /// The rows of <c>explore_state_topic_facets_1d</c> for one breakdown dimension, its value named after the dimension,
    /// beside <c>explore_1h</c>'s hours of a day under way (a row per member state there); neither with visitor sets.
    /// </summary>
    private string StateTopicBreakdown(ExplorePeriod period, Rollup rollup, string facet, string conditions, ClickHouseParameterCollection parameters)
    {
        const string counts = "views, ratings, satisfied, comments";
        return Rows(period, rollup.Daily, "explore_1h ARRAY JOIN member_states AS member_state", $"member_state, topic, value AS {facet}, {counts}",
            $" AND facet = '{facet}'" + conditions, parameters, hourly: ($"member_state, topic, {facet}, {counts}", conditions));
    }

    private static string Columns(string[] dimensions) => string.Concat(dimensions.Select(d => d + ", "));

    /// <summary>
    /// <c>[start, end)</c> as whole local days (a date range) and the hours after the last whole day (a day under way).
    /// <paramref name="start"/> is a local midnight (<see cref="ExplorePeriod"/>).
    /// </summary>
    private static ((DateOnly From, DateOnly To) Days, (DateTimeOffset From, DateTimeOffset To) Hours) Split(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime);
        var midnight = ExplorePeriod.LocalMidnight(lastDay, zone);
        return ((first, lastDay < first ? first : lastDay), (midnight < start ? start : midnight, end));
    }

    /// <summary>The zone, inlined because ClickHouse wants a constant zone argument; validated as an IANA id.</summary>
    public string ZoneLiteral() => ExploreQuery.ZoneId().IsMatch(options.Value.TimeZone)
        ? options.Value.TimeZone
        : throw new InvalidOperationException($"Trends:TimeZone '{options.Value.TimeZone}' is not an IANA id.");
}
