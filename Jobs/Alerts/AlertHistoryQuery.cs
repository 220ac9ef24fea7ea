using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// Recorded alerts (FINAL: each in its latest state) of periods starting on or after a day, or raised since an
/// instant: what <see cref="AlertGate"/> needs to tell a new alert from one already raised or still quiet.
/// </summary>
public sealed class AlertHistoryQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyList<AlertRecord>> ReadAsync(DateOnly periodsFrom, DateTimeOffset raisedSince, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT kind, dimension, dimension_value, period_kind, toString(period_start), observed, baseline, observed_high,
                   toUnixTimestamp64Milli(raised_at), toUnixTimestamp64Milli(emailed_at)
            FROM {{clickHouse.Value.Database}}.alerts FINAL
            WHERE period_start >= toDate({from:String}) OR raised_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("from", periodsFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parameters.AddParameter("since", raisedSince.ToUnixTimeMilliseconds());

        var records = new List<AlertRecord>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options("alerts-history"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var kind = reader.GetString(3) == "day" ? TrendPeriodKind.Day : TrendPeriodKind.Week;
            var start = DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var alert = new Alert(
                new AlertSubject(AlertKindNames.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)),
                new TrendPeriod(kind, start),
                Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : Convert.ToDouble(reader.GetValue(7), CultureInfo.InvariantCulture));
            records.Add(new AlertRecord(
                alert,
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture))));
        }
        return records;
    }
}
