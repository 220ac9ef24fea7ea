using System.Globalization;
using System.Text.RegularExpressions;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The overview's questions — totals, a time series, a breakdown by one dimension — each one scan that reads the period
/// and the period before together, from the rollup <see cref="ExploreSources"/> picks for its filters and breakdown.
/// </summary>
public sealed partial class ExploreQuery(ClickHouseClient client, IOptions<ExploreOptions> options, ExploreSources sources)
{
    public const int MaxRows = 100;

    /// <summary>The dimensions whose unknown value is stored as '' and shown as <c>unknown</c>.</summary>
    private static readonly string[] UnknownWhenEmpty = ["country", "language", "device"];

    /// <summary>A breakdown's value from the dimension's own column.</summary>
    private static readonly Dictionary<string, string> ValueColumns = ExploreFilters.Dimensions.ToDictionary(
        d => d, d => UnknownWhenEmpty.Contains(d) ? $"if({d} = '', '{ExploreFilters.Unknown}', toString({d}))" : $"toString({d})", StringComparer.Ordinal);

    /// <summary>A breakdown's value from a facet rollup's <c>facet</c> and <c>value</c> columns, as <see cref="ValueColumns"/>.</summary>
    private static readonly string FacetValue =
        $"if(facet IN ({string.Join(", ", UnknownWhenEmpty.Select(d => $"'{d}'"))}) AND value = '', '{ExploreFilters.Unknown}', toString(value))";

    /// <summary>The headline counts of both periods; <paramref name="mergeIf"/> merges the source's kind of visitor set.</summary>
    private static string Counts(string mergeIf) => $"""
        sumIf(views, cur) AS views_now, {mergeIf}(visitors, cur) AS visitors_now, sumIf(ratings, cur) AS ratings_now,
        sumIf(satisfied, cur) AS satisfied_now, sumIf(comments, cur) AS comments_now,
        sumIf(views, NOT cur) AS views_before, {mergeIf}(visitors, NOT cur) AS visitors_before, sumIf(ratings, NOT cur) AS ratings_before,
        sumIf(satisfied, NOT cur) AS satisfied_before, sumIf(comments, NOT cur) AS comments_before
        """;

    // A breakdown without the visitor sets (see ExploreFigures): the same columns, visitors NULL.
    private const string BreakdownCounts = """
        sumIf(views, cur) AS views_now, NULL AS visitors_now, sumIf(ratings, cur) AS ratings_now,
        sumIf(satisfied, cur) AS satisfied_now, sumIf(comments, cur) AS comments_now,
        sumIf(views, NOT cur) AS views_before, NULL AS visitors_before, sumIf(ratings, NOT cur) AS ratings_before,
        sumIf(satisfied, NOT cur) AS satisfied_before, sumIf(comments, NOT cur) AS comments_before
        """;

    public async Task<ExploreOverview> OverviewAsync(ExplorePeriod period, ExploreFilters filters, int rows, CancellationToken cancellationToken)
    {
        var totals = TotalsAsync(period, filters, cancellationToken);
        var series = SeriesAsync(period, filters, cancellationToken);
        // Breakdowns that read the same facet rollup are one scan; each query costs ~10 ms before it reads a row.
        var scans = ExploreFilters.Dimensions
            .GroupBy(d => sources.FacetSource(period, filters, d) ?? d, StringComparer.Ordinal)
            .Select(g => g.Count() > 1
                ? BreakdownsAsync(period, filters, [.. g], rows, cancellationToken)
                : SingleAsync(g.First()))
            .ToList();
        await Task.WhenAll([totals, series, .. scans]).ConfigureAwait(false);
        var breakdowns = scans.SelectMany(s => s.Result).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);
        return new ExploreOverview(
            ExplorePeriodInfo.Of(period, options.Value.TimeZone),
            filters.Values,
            await totals.ConfigureAwait(false),
            await series.ConfigureAwait(false),
            ExploreFilters.Dimensions.ToDictionary(d => d, d => breakdowns[d], StringComparer.Ordinal));

        async Task<IReadOnlyDictionary<string, IReadOnlyList<ExploreBreakdownRow>>> SingleAsync(string dimension) =>
            new Dictionary<string, IReadOnlyList<ExploreBreakdownRow>>(StringComparer.Ordinal)
            {
                [dimension] = await BreakdownAsync(period, filters, dimension, rows, cancellationToken).ConfigureAwait(false),
            };
    }

    /// <summary>The breakdowns by <paramref name="dimensions"/> (sharing one facet rollup) in one scan: the top rows of each.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ExploreBreakdownRow>>> BreakdownsAsync(ExplorePeriod period, ExploreFilters filters, IReadOnlyList<string> dimensions, int rows, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("rows", (uint)Math.Clamp(rows, 1, MaxRows));
        var sql = $"""
            SELECT toString(facet) AS dimension, {FacetValue} AS value, {BreakdownCounts}
            FROM {sources.FromFacets(period, filters, dimensions, parameters)}
            GROUP BY dimension, value
            HAVING views_now > 0 OR ratings_now > 0
            ORDER BY dimension, views_now DESC, ratings_now DESC, value
            LIMIT {"{rows:UInt32}"} BY dimension
            """;
        var result = dimensions.ToDictionary(d => d, _ => new List<ExploreBreakdownRow>(), StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-explore-breakdowns"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var (current, previous) = ReadFigures(reader, 2);
            result[reader.GetString(0)].Add(new ExploreBreakdownRow(reader.GetString(1), current, previous,
                ExploreMath.Change(current.Views, previous.Views), ExploreMath.PointChange(current.Csat, previous.Csat)));
        }
        return result.ToDictionary(r => r.Key, r => (IReadOnlyList<ExploreBreakdownRow>)r.Value, StringComparer.Ordinal);
    }

    public async Task<ExploreTotals> TotalsAsync(ExplorePeriod period, ExploreFilters filters, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"SELECT {Counts(sources.MergeVisitorsIf(period, filters, null))} FROM {sources.From(period, filters, null, parameters)}";
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-explore-totals"), cancellationToken).ConfigureAwait(false);
        reader.Read();
        var (current, previous) = ReadFigures(reader, 0);
        return ExploreMath.Totals(current, previous);
    }

    public async Task<IReadOnlyList<ExploreBreakdownRow>> BreakdownAsync(ExplorePeriod period, ExploreFilters filters, string dimension, int rows, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("rows", (uint)Math.Clamp(rows, 1, MaxRows));
        var sql = $"""
            SELECT {ValueColumns[dimension]} AS value, {BreakdownCounts}
            FROM {sources.From(period, filters, dimension, parameters)}
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
        var bucket = BucketSql(period.Bucket, "t");
        var sql = $"""
            SELECT toUnixTimestamp({bucket}) AS bucket, cur, sum(views), sum(ratings), sum(satisfied)
            FROM {sources.From(period, filters, null, parameters)}
            GROUP BY bucket, cur
            """;
        var found = new Dictionary<(long, bool), (long Views, long Ratings, long Satisfied)>();
        using (var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-explore-series"), cancellationToken).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                found[(Long(reader.GetValue(0)), Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture))] =
                    (Long(reader.GetValue(2)), Long(reader.GetValue(3)), Long(reader.GetValue(4)));
            }
        }
        var current = ExploreBuckets.Starts(period.Bucket, period.Start, period.End, zone);
        var previous = ExploreBuckets.Starts(period.Bucket, period.PreviousStart, period.PreviousEnd, zone);
        return [.. current.Select((start, i) =>
        {
            var now = found.GetValueOrDefault((start.ToUnixTimeSeconds(), true));
            var before = i < previous.Count ? found.GetValueOrDefault((previous[i].ToUnixTimeSeconds(), false)) : default;
            return new ExplorePoint(start, ExploreBuckets.Label(period.Bucket, start, zone), now.Views, now.Ratings,
                now.Ratings == 0 ? null : (double)now.Satisfied / now.Ratings, before.Views, before.Ratings);
        })];
    }

    /// <summary>The start of <paramref name="bucket"/> holding the instant <paramref name="column"/>, in local days and ISO weeks of <c>Trends:TimeZone</c>.</summary>
    public string BucketSql(ExploreBucket bucket, string column) => bucket switch
    {
        ExploreBucket.Hour => column,
        ExploreBucket.Day => $"toStartOfDay({column}, '{sources.ZoneLiteral()}')",
        _ => $"toDateTime(toMonday({column}, '{sources.ZoneLiteral()}'), '{sources.ZoneLiteral()}')",
    };

    private (ExploreFigures Current, ExploreFigures Previous) ReadFigures(System.Data.Common.DbDataReader reader, int first)
    {
        var minimum = options.Value.MinimumSample;
        ExploreFigures At(int o) => ExploreMath.Figures(Long(reader.GetValue(o)), reader.IsDBNull(o + 1) ? null : Long(reader.GetValue(o + 1)), Long(reader.GetValue(o + 2)), Long(reader.GetValue(o + 3)), Long(reader.GetValue(o + 4)), minimum);
        return (At(first), At(first + 5));
    }

    private static long Long(object value) => value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_/+-]{1,64}$")]
    internal static partial Regex ZoneId();
}
