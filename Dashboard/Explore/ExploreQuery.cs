using System.Globalization;
using System.Text.RegularExpressions;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The overview's questions, each one scan of the hourly rollup <c>explore_1h</c> (migration 0010) that reads the period
/// and the period before together: totals, a time series, and a breakdown by one dimension.
/// </summary>
public sealed partial class ExploreQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, IOptions<ExploreOptions> options)
{
    public const int MaxRows = 100;

    private static readonly Dictionary<string, string> ValueColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["topic"] = "toString(topic)",
        ["member_state"] = "toString(value_member_state)",
        ["country"] = "if(country = '', 'unknown', toString(country))",
        ["language"] = "if(language = '', 'unknown', toString(language))",
        ["device"] = "if(device = '', 'unknown', toString(device))",
        ["source"] = "toString(source)",
    };

    private const string Counts = """
        sumIf(views, cur) AS views_now, uniqMergeIf(visitors, cur) AS visitors_now, sumIf(ratings, cur) AS ratings_now,
        sumIf(satisfied, cur) AS satisfied_now, sumIf(comments, cur) AS comments_now,
        sumIf(views, NOT cur) AS views_before, uniqMergeIf(visitors, NOT cur) AS visitors_before, sumIf(ratings, NOT cur) AS ratings_before,
        sumIf(satisfied, NOT cur) AS satisfied_before, sumIf(comments, NOT cur) AS comments_before
        """;

    public async Task<ExploreOverview> OverviewAsync(ExplorePeriod period, ExploreFilters filters, int rows, CancellationToken cancellationToken)
    {
        var totals = TotalsAsync(period, filters, cancellationToken);
        var series = SeriesAsync(period, filters, cancellationToken);
        var breakdowns = ExploreFilters.Dimensions.ToDictionary(d => d, d => BreakdownAsync(period, filters, d, rows, cancellationToken), StringComparer.Ordinal);
        await Task.WhenAll([totals, series, .. breakdowns.Values]).ConfigureAwait(false);
        return new ExploreOverview(
            ExplorePeriodInfo.Of(period, options.Value.TimeZone),
            filters.Values,
            await totals.ConfigureAwait(false),
            await series.ConfigureAwait(false),
            breakdowns.ToDictionary(b => b.Key, b => b.Value.Result, StringComparer.Ordinal));
    }

    public async Task<ExploreTotals> TotalsAsync(ExplorePeriod period, ExploreFilters filters, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"SELECT {Counts} FROM {Source(period, filters, parameters)}";
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-explore-totals"), cancellationToken).ConfigureAwait(false);
        reader.Read();
        var (current, previous) = ReadFigures(reader, 0);
        return ExploreMath.Totals(current, previous);
    }

    public async Task<IReadOnlyList<ExploreBreakdownRow>> BreakdownAsync(ExplorePeriod period, ExploreFilters filters, string dimension, int rows, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("rows", (uint)Math.Clamp(rows, 1, MaxRows));
        var join = dimension == "member_state" ? " ARRAY JOIN member_states AS value_member_state" : "";
        var sql = $"""
            SELECT {ValueColumns[dimension]} AS value, {Counts}
            FROM {Source(period, filters, parameters, join)}
            GROUP BY value
            HAVING views_now > 0 OR ratings_now > 0
            ORDER BY views_now DESC, ratings_now DESC, value
            LIMIT {"{rows:UInt32}"}
            """;
        var result = new List<ExploreBreakdownRow>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options($"dashboard-explore-{dimension}"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var (current, previous) = ReadFigures(reader, 1);
            result.Add(new ExploreBreakdownRow(reader.GetString(0), current, previous,
                ExploreMath.Change(current.Views, previous.Views), ExploreMath.PointChange(current.Csat, previous.Csat)));
        }
        return result;
    }

    public async Task<IReadOnlyList<ExplorePoint>> SeriesAsync(ExplorePeriod period, ExploreFilters filters, CancellationToken cancellationToken)
    {
        var zone = options.Value.ResolveTimeZone();
        var parameters = new ClickHouseParameterCollection();
        var bucket = BucketSql(period.Bucket);
        var sql = $"""
            SELECT toUnixTimestamp({bucket}) AS bucket, cur, sum(views), uniqMerge(visitors), sum(ratings), sum(satisfied)
            FROM {Source(period, filters, parameters)}
            GROUP BY bucket, cur
            """;
        var found = new Dictionary<(long, bool), (long Views, long Visitors, long Ratings, long Satisfied)>();
        using (var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-explore-series"), cancellationToken).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                found[(Long(reader.GetValue(0)), Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture))] =
                    (Long(reader.GetValue(2)), Long(reader.GetValue(3)), Long(reader.GetValue(4)), Long(reader.GetValue(5)));
            }
        }
        var current = ExploreBuckets.Starts(period.Bucket, period.Start, period.End, zone);
        var previous = ExploreBuckets.Starts(period.Bucket, period.PreviousStart, period.PreviousEnd, zone);
        return [.. current.Select((start, i) =>
        {
            var now = found.GetValueOrDefault((start.ToUnixTimeSeconds(), true));
            var before = i < previous.Count ? found.GetValueOrDefault((previous[i].ToUnixTimeSeconds(), false)) : default;
            return new ExplorePoint(start, ExploreBuckets.Label(period.Bucket, start, zone), now.Views, now.Visitors, now.Ratings,
                now.Ratings == 0 ? null : (double)now.Satisfied / now.Ratings, before.Views, before.Ratings);
        })];
    }

    /// <summary>The start of <paramref name="bucket"/> holding the rollup's <c>hour</c>, in local days and ISO weeks of <c>Trends:TimeZone</c>.</summary>
    public string BucketSql(ExploreBucket bucket) => bucket switch
    {
        ExploreBucket.Hour => "hour",
        ExploreBucket.Day => $"toStartOfDay(hour, '{ZoneLiteral()}')",
        _ => $"toDateTime(toMonday(hour, '{ZoneLiteral()}'), '{ZoneLiteral()}')",
    };

    /// <summary>
    /// <c>explore_1h</c> rows of both periods with <c>cur</c> telling them apart, behind the filters; the time bounds
    /// are hour-aligned (<see cref="ExplorePeriod"/>), so the hourly rollup answers exactly.
    /// </summary>
    private string Source(ExplorePeriod period, ExploreFilters filters, ClickHouseParameterCollection parameters, string join = "")
    {
        parameters.AddParameter("start", period.Start.ToUnixTimeSeconds());
        parameters.AddParameter("end", period.End.ToUnixTimeSeconds());
        parameters.AddParameter("previous_start", period.PreviousStart.ToUnixTimeSeconds());
        parameters.AddParameter("previous_end", period.PreviousEnd.ToUnixTimeSeconds());
        return $"""
            (SELECT *, hour >= toDateTime({"{start:Int64}"}, 'UTC') AS cur
             FROM {clickHouse.Value.Database}.explore_1h
             WHERE ((hour >= toDateTime({"{start:Int64}"}, 'UTC') AND hour < toDateTime({"{end:Int64}"}, 'UTC'))
                 OR (hour >= toDateTime({"{previous_start:Int64}"}, 'UTC') AND hour < toDateTime({"{previous_end:Int64}"}, 'UTC')))
                {filters.Sql(parameters)})
            {join}
            """;
    }

    private (ExploreFigures Current, ExploreFigures Previous) ReadFigures(System.Data.Common.DbDataReader reader, int first)
    {
        var minimum = options.Value.MinimumSample;
        ExploreFigures At(int o) => ExploreMath.Figures(Long(reader.GetValue(o)), Long(reader.GetValue(o + 1)), Long(reader.GetValue(o + 2)), Long(reader.GetValue(o + 3)), Long(reader.GetValue(o + 4)), minimum);
        return (At(first), At(first + 5));
    }

    // The zone is a validated system id (ExploreOptions), inlined because ClickHouse wants a constant zone argument.
    private string ZoneLiteral() => ZoneId().IsMatch(options.Value.TimeZone)
        ? options.Value.TimeZone
        : throw new InvalidOperationException($"Trends:TimeZone '{options.Value.TimeZone}' is not an IANA id.");

    private static long Long(object value) => value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_/+-]{1,64}$")]
    private static partial Regex ZoneId();
}
