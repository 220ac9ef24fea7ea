using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>One stored trend row, as much of it as the alert rules read.</summary>
public sealed record AlertTrendRow(
    DateOnly PeriodStart,
    string Dimension,
    string Value,
    long Views,
    double? Csat,
    double? CsatHigh,
    string Anomaly,
    bool SmallSample,
    DateTimeOffset ComputedAt);

/// <summary>
/// The trends of topics and member states in one period and the <see cref="AnomalyRule.BaselinePeriods"/> periods
/// before it (FINAL: the latest computation of each), i.e. a period and its baseline.
/// </summary>
public sealed class TrendWindowQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    /// <summary>The dimensions alerts watch: the ones staff follow (ICESCO sectors and member states).</summary>
    public static readonly IReadOnlyList<TrendDimension> Dimensions = [TrendDimension.Topic, TrendDimension.MemberState];

    public async Task<IReadOnlyList<AlertTrendRow>> ReadAsync(TrendPeriod period, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT toString(period_start), dimension, dimension_value, views, csat, csat_high, anomaly, small_sample,
                   toUnixTimestamp64Milli(computed_at)
            FROM {{clickHouse.Value.Database}}.trends FINAL
            WHERE period_kind = {kind:String} AND dimension IN ({topic:String}, {member_state:String})
              AND period_start >= toDate({from:String}) AND period_start <= toDate({to:String})
            ORDER BY period_start, dimension, dimension_value
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("kind", period.KindName);
        parameters.AddParameter("topic", TrendDimension.Topic.Name);
        parameters.AddParameter("member_state", TrendDimension.MemberState.Name);
        parameters.AddParameter("from", period.Shift(-AnomalyRule.BaselinePeriods).Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parameters.AddParameter("to", period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var rows = new List<AlertTrendRow>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options($"alerts-trend-window-{period.KindName}"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new AlertTrendRow(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture),
                reader.GetString(6),
                Convert.ToBoolean(reader.GetValue(7), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
