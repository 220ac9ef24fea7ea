using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>Unique visitors (by the daily-salted visitor hash) of the last few minutes, per active filter, in one query.</summary>
public sealed class ActiveVisitorsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(IReadOnlyList<LiveFilter> filters, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT filter, uniq(visitor_hash)
            FROM {clickHouse.Value.Database}.page_views
            {LiveSql.FilterJoin}
            WHERE {LiveSql.Window}
            GROUP BY filter
            """;
        var visitors = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(
            sql, LiveParameters.Create(filters, from, to), QueryPurpose.Options("live-active-visitors"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            visitors[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        return visitors;
    }
}
