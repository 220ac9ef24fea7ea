using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Trends;

/// <summary>
/// The last N periods of one kind and dimension that the trends job has computed. "Last N computed" rather than
/// "last N calendar periods", so the Dashboard needs no time zone: the job's (<c>Trends:TimeZone</c>) decides.
/// </summary>
public sealed class TrendsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyList<TrendRow>> ReadAsync(TrendsRequest request, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        var sql = $$"""
            SELECT period_kind, toString(period_start), dimension, dimension_value, views, unique_visitors, ratings, mean_rating,
                   csat, csat_low, csat_high, views_change, csat_change, anomaly, small_sample, toUnixTimestamp64Milli(computed_at)
            FROM {{database}}.trends FINAL
            WHERE period_kind = {kind:String} AND dimension = {dimension:String}
              AND period_start IN (
                  SELECT DISTINCT period_start FROM {{database}}.trends
                  WHERE period_kind = {kind:String} AND dimension = {dimension:String}
                  ORDER BY period_start DESC LIMIT {periods:UInt32})
            ORDER BY period_start, views DESC, dimension_value
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("kind", request.Kind);
        parameters.AddParameter("dimension", request.Dimension);
        parameters.AddParameter("periods", (uint)request.Periods);
        var rows = new List<TrendRow>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-trends"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new TrendRow(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(2),
                reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
                Nullable(reader.GetValue(7)),
                Nullable(reader.GetValue(8)),
                Nullable(reader.GetValue(9)),
                Nullable(reader.GetValue(10)),
                Nullable(reader.GetValue(11)),
                Nullable(reader.GetValue(12)),
                reader.GetString(13),
                Convert.ToBoolean(reader.GetValue(14), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(15), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private static double? Nullable(object value) => value is null or DBNull ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
