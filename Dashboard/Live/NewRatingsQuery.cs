using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// The newest ratings received since a moment (returned oldest first), with their article's title; one query for all groups,
/// which <see cref="LiveTickService"/> then matches against each group's filter.
/// </summary>
public sealed class NewRatingsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyList<LiveRating>> ReadAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        // The event_time bound is only there to let ClickHouse skip old partitions and granules (the table is
        // sorted by event time, not by receipt); an event stamped a day before it was received is not "live".
        var sql = $$"""
            SELECT t.event_id, toUnixTimestamp64Milli(t.received_at), t.article_id, a.title, t.topic, t.member_states,
                   t.language, t.rating, t.rating_scale, t.comment
            FROM (
                SELECT event_id, received_at, article_id, toString(topic) AS topic, arrayMap(m -> toString(m), member_states) AS member_states,
                       toString(language) AS language, rating, rating_scale, comment
                FROM {{database}}.feedback
                WHERE received_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
                  AND event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') - INTERVAL 1 DAY
                ORDER BY received_at DESC, event_id
                LIMIT {limit:UInt32}
            ) AS t
            {{LiveSql.ArticleTitles(database, $"SELECT DISTINCT article_id FROM {database}.feedback WHERE received_at >= fromUnixTimestamp64Milli({{since:Int64}}, 'UTC')")}}
            ORDER BY toUnixTimestamp64Milli(t.received_at), t.event_id
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("since", since.ToUnixTimeMilliseconds());
        parameters.AddParameter("limit", (uint)limit);
        var ratings = new List<LiveRating>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("live-new-ratings"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var article = reader.GetString(2);
            var title = reader.GetString(3);
            ratings.Add(new LiveRating(
                (Guid)reader.GetValue(0),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                article,
                title.Length > 0 ? title : article,
                reader.GetString(4),
                ((IEnumerable<object>)reader.GetValue(5)).Select(m => (string)m).ToList(),
                reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture),
                reader.GetString(9)));
        }
        return ratings;
    }
}
