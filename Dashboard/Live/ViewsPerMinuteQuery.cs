using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// Views per minute of the last hour, by topic and by member state, for every active filter in one query.
/// Minutes without views are filled in SQL (<c>WITH FILL</c>, per filter, dimension and key). The fill runs to the
/// minute after now's (<c>TO</c> is exclusive), so the current minute is a point even in its first second: the
/// sparkline always has its 60 points.
/// </summary>
public sealed class ViewsPerMinuteQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public sealed record Row(string Filter, string Dimension, string Key, DateTimeOffset Minute, long Views);

    /// <summary>Rows for <c>filters</c> from <c>firstMinute</c> (start of the first minute shown) to <c>end</c> (now: its minute is the last shown).</summary>
    public async Task<IReadOnlyList<Row>> ReadAsync(IReadOnlyList<LiveFilter> filters, DateTimeOffset firstMinute, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT filter, dimension, key, minute, views FROM (
                SELECT filter, dim.1 AS dimension, dim.2 AS key, toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute, count() AS views
                FROM {{clickHouse.Value.Database}}.page_views
                {{LiveSql.FilterJoin}}
                ARRAY JOIN arrayConcat([('topic', toString(topic))], arrayMap(m -> ('member_state', toString(m)), arrayDistinct(member_states))) AS dim
                WHERE {{LiveSql.Window}}
                GROUP BY filter, dimension, key, minute
            )
            ORDER BY filter, dimension, key, minute
                WITH FILL FROM toDateTime(intDiv({from:Int64}, 1000), 'UTC')
                          TO toStartOfMinute(toDateTime(intDiv({to:Int64}, 1000), 'UTC')) + INTERVAL 1 MINUTE STEP INTERVAL 1 MINUTE
            SETTINGS use_with_fill_by_sorting_prefix = 1
            """;
        var rows = new List<Row>();
        using var reader = await client.ExecuteReaderAsync(
            sql, LiveParameters.Create(filters, firstMinute, end), QueryPurpose.Options("live-views-per-minute"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                new DateTimeOffset(DateTime.SpecifyKind((DateTime)reader.GetValue(3), DateTimeKind.Utc)),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
