using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// Ratings and satisfied ratings of the window per active filter, in one query. Satisfied is the top 40 % of the
/// widget's scale (top-2-box of 5), the rule of the trends (docs/decisions/0010), so live and weekly CSAT agree.
/// </summary>
public sealed class LiveCsatQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyDictionary<string, (long Satisfied, long Ratings)>> ReadAsync(
        IReadOnlyList<LiveFilter> filters, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT filter, countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1), count()
            FROM {clickHouse.Value.Database}.feedback
            {LiveSql.FilterJoin}
            WHERE {LiveSql.Window}
            GROUP BY filter
            """;
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(
            sql, LiveParameters.Create(filters, from, to), QueryPurpose.Options("live-csat"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
        }
        return counts;
    }
}
