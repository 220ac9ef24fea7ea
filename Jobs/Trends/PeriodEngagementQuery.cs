using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>What happened in one period per value of a dimension, aggregated from its rollup.</summary>
public sealed record PeriodEngagement(string Value, long Views, long UniqueVisitors, long Ratings, double RatingScoreSum, long Satisfied);

/// <summary>
/// Reads views, unique visitors (uniqMerge over the whole period, never a sum of smaller uniques),
/// ratings and satisfied answers (merged rating histogram; top 40 % of each scale, as <see cref="Csat.SatisfiedFrom"/>).
/// </summary>
public sealed class PeriodEngagementQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyList<PeriodEngagement>> ReadAsync(
        TrendDimension dimension, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        // Identifiers come from TrendDimension constants and validated options; values are parameters.
        var sql = $$"""
            SELECT
                toString({{dimension.Column}}) AS value,
                sum(views) AS total_views,
                uniqMerge(visitors) AS unique_visitors,
                sum(ratings) AS total_ratings,
                sum(rating_score_sum) AS score_sum,
                sumMap(rating_histogram) AS histogram,
                arraySum(arrayMap(
                    (k, c) -> if(toFloat64(tupleElement(k, 2)) >= toFloat64(tupleElement(k, 1)) - round(0.4 * tupleElement(k, 1)) + 1, c, 0),
                    tupleElement(histogram, 1), tupleElement(histogram, 2))) AS satisfied
            FROM {{database}}.{{dimension.Table}}
            WHERE {{dimension.TimeColumn}} >= toDateTime({from:Int64}, 'UTC') AND {{dimension.TimeColumn}} < toDateTime({to:Int64}, 'UTC')
            GROUP BY value
            ORDER BY value
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("from", new DateTimeOffset(fromUtc, TimeSpan.Zero).ToUnixTimeSeconds());
        parameters.AddParameter("to", new DateTimeOffset(toUtc, TimeSpan.Zero).ToUnixTimeSeconds());

        var rows = new List<PeriodEngagement>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options($"trends-read-{dimension.Name}"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new PeriodEngagement(
                reader.GetString(0),
                Convert.ToInt64(reader.GetValue(1), null),
                Convert.ToInt64(reader.GetValue(2), null),
                Convert.ToInt64(reader.GetValue(3), null),
                Convert.ToDouble(reader.GetValue(4), null),
                Convert.ToInt64(reader.GetValue(6), null)));
        }
        return rows;
    }
}
