using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Explore;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>
/// The Explore questions asked of the raw tables (<c>page_views</c>, <c>feedback</c>) as one would without the rollups:
/// the same answers, in as many queries run side by side as the Dashboard's code runs and shaped as its queries are
/// (one scan where it scans once), so the comparison is of the tables read, not of the number of round trips.
/// </summary>
internal sealed class RawQuestions(ClickHouseClient client, string database)
{
    private static readonly string[] Values =
    [
        "toString(topic)", "toString(m)", "if(country = '', 'unknown', toString(country))",
        "if(language = '', 'unknown', toString(language))", "toString(device)", ReferrerSources.SqlExpression("referrer_host"),
    ];

    /// <summary>Totals, a daily series and six breakdowns (views, visitors; ratings and satisfied) of both periods.</summary>
    public async Task<int> OverviewAsync(ExplorePeriod period, ExploreFilters filters)
    {
        var queries = new List<Task<int>>
        {
            RowsAsync(period, filters, "SELECT countIf(cur), uniqIf(visitor_hash, cur), countIf(NOT cur), uniqIf(visitor_hash, NOT cur) FROM {views}"),
            RowsAsync(period, filters, $"SELECT countIf(cur), countIf(cur AND {Satisfied}), countIf(NOT cur), countIf(NOT cur AND {Satisfied}) FROM {{feedback}}"),
            RowsAsync(period, filters, "SELECT toStartOfDay(event_time, 'Africa/Casablanca') AS d, cur, count(), uniq(visitor_hash) FROM {views} GROUP BY d, cur"),
        };
        foreach (var value in Values)
        {
            var join = value == "toString(m)" ? " ARRAY JOIN member_states AS m" : "";
            queries.Add(RowsAsync(period, filters, $"SELECT {value} AS v, countIf(cur) AS n, uniqIf(visitor_hash, cur), countIf(NOT cur) FROM {{views}}{join} GROUP BY v ORDER BY n DESC LIMIT 10"));
            queries.Add(RowsAsync(period, filters, $"SELECT {value} AS v, countIf(cur) AS n, countIf(cur AND {Satisfied}), countIf(NOT cur) FROM {{feedback}}{join} GROUP BY v ORDER BY n DESC LIMIT 10"));
        }
        return (await Task.WhenAll(queries)).Sum();
    }

    /// <summary>
    /// The article page of one story's version ids, in the Dashboard's shape: one scan of the views for the figures per
    /// version and over the story and the series per version (GROUPING SETS), one for the countries and sources, one of
    /// the ratings per version with their answers.
    /// </summary>
    public async Task<int> ArticleAsync(string[] ids, ExplorePeriod period)
    {
        var story = $" AND article_id IN ['{string.Join("', '", ids)}']"; // bench-made ids, no user text
        var queries = new[]
        {
            RowsAsync(period, null, """
                SELECT article_id, if(cur, toStartOfDay(event_time, 'Africa/Casablanca'), toDateTime(0)) AS d,
                       countIf(cur), uniqIf(visitor_hash, cur), countIf(NOT cur), uniqIf(visitor_hash, NOT cur)
                FROM {views} GROUP BY GROUPING SETS ((article_id, d), (article_id), ())
                """, story),
            RowsAsync(period, null, $"""
                SELECT pair.1 AS k, pair.2 AS v, count() AS n FROM {"{views}"}
                ARRAY JOIN [('country', if(country = '', 'unknown', toString(country))), ('source', {ReferrerSources.SqlExpression("referrer_host")})] AS pair
                WHERE cur GROUP BY k, v ORDER BY k, n DESC LIMIT 15 BY k
                """, story),
            RowsAsync(period, null, $"SELECT article_id, rating_scale, rating, countIf(cur), countIf(cur AND {Satisfied}), countIf(NOT cur) FROM {{feedback}} GROUP BY GROUPING SETS ((article_id), (rating_scale, rating), ())", story),
        };
        return (await Task.WhenAll(queries)).Sum();
    }

    /// <summary>The newest 50 answers of the period (with a comment holding <paramref name="word"/>, if given) and their count.</summary>
    public async Task<int> SearchAsync(ExplorePeriod period, string? word)
    {
        var condition = word is null ? "" : $" AND comment != '' AND position({SearchText.SqlExpression("comment")}, {SearchText.SqlExpression("{w:String}")}) > 0";
        var rows = RowsAsync(period, null, "SELECT event_id, event_time, rating, comment, article_id FROM {feedback} WHERE cur ORDER BY event_time DESC, event_id DESC LIMIT 51", condition, word);
        var count = RowsAsync(period, null, "SELECT count() FROM {feedback} WHERE cur", condition, word);
        return (await Task.WhenAll(rows, count)).Sum();
    }

    /// <summary>The period's unique visitors counted exactly and with <c>uniq</c>, to show what the rollups' sketches cost in accuracy.</summary>
    public async Task<(long Exact, long Uniq)> VisitorsAsync(ExplorePeriod period, ExploreFilters filters)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("start", period.Start.ToUnixTimeSeconds());
        parameters.AddParameter("end", period.End.ToUnixTimeSeconds());
        var sql = $"""
            SELECT uniqExact(visitor_hash), uniq(visitor_hash) FROM {database}.page_views
            WHERE event_time >= toDateTime({"{start:Int64}"}, 'UTC') AND event_time < toDateTime({"{end:Int64}"}, 'UTC'){filters.Sql(parameters)}
            """;
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("bench-explore-visitors"));
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private const string Satisfied = "toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1";

    /// <summary>Runs <paramref name="select"/> with <c>{views}</c>/<c>{feedback}</c> standing for that table's rows of both periods, <c>cur</c> telling them apart.</summary>
    private async Task<int> RowsAsync(ExplorePeriod period, ExploreFilters? filters, string select, string extra = "", string? word = null)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("start", period.Start.ToUnixTimeSeconds());
        parameters.AddParameter("end", period.End.ToUnixTimeSeconds());
        parameters.AddParameter("previous_start", period.PreviousStart.ToUnixTimeSeconds());
        parameters.AddParameter("previous_end", period.PreviousEnd.ToUnixTimeSeconds());
        if (word is not null)
        {
            parameters.AddParameter("w", word);
        }
        var where = filters?.Sql(parameters) ?? "";
        string Rows(string table) => $"""
            (SELECT *, event_time >= toDateTime({"{start:Int64}"}, 'UTC') AS cur FROM {database}.{table}
             WHERE ((event_time >= toDateTime({"{start:Int64}"}, 'UTC') AND event_time < toDateTime({"{end:Int64}"}, 'UTC'))
                 OR (event_time >= toDateTime({"{previous_start:Int64}"}, 'UTC') AND event_time < toDateTime({"{previous_end:Int64}"}, 'UTC')))
                {where}{extra})
            """;
        var sql = select.Replace("{views}", Rows("page_views"), StringComparison.Ordinal).Replace("{feedback}", Rows("feedback"), StringComparison.Ordinal);
        var count = 0;
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("bench-explore-raw"));
        while (reader.Read())
        {
            count++;
        }
        return count;
    }
}
