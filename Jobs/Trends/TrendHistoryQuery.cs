using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>Earlier results of one dimension: which periods were computed, and each value's views and CSAT.</summary>
public sealed class TrendHistory(IReadOnlyList<DateOnly> computed, IReadOnlyDictionary<(DateOnly, string), (long Views, double? Csat)> rows)
{
    /// <summary>Whether <paramref name="period"/> was computed (so a missing value there means 0 views, not unknown).</summary>
    public bool WasComputed(DateOnly period) => computed.Contains(period);

    /// <summary>Views of <paramref name="value"/> in each computed period, oldest first; 0 where it had none.</summary>
    public IReadOnlyList<double> Views(string value) =>
        computed.Select(p => rows.TryGetValue((p, value), out var r) ? (double)r.Views : 0).ToArray();

    public (long Views, double? Csat)? At(DateOnly period, string value) =>
        rows.TryGetValue((period, value), out var r) ? r : WasComputed(period) ? (0, null) : null;
}

/// <summary>Reads the stored trends of the periods before one (FINAL: the latest computation of each).</summary>
public sealed class TrendHistoryQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<TrendHistory> ReadAsync(TrendPeriod period, TrendDimension dimension, int periods, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT toString(period_start), dimension_value, views, csat
            FROM {{clickHouse.Value.Database}}.trends FINAL
            WHERE period_kind = {kind:String} AND dimension = {dimension:String}
              AND period_start >= toDate({from:String}) AND period_start < toDate({to:String})
            """;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("kind", period.KindName);
        parameters.AddParameter("dimension", dimension.Name);
        parameters.AddParameter("from", period.Shift(-periods).Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parameters.AddParameter("to", period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var computed = new SortedSet<DateOnly>();
        var rows = new Dictionary<(DateOnly, string), (long, double?)>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options($"trends-history-{dimension.Name}"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var start = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            computed.Add(start);
            rows[(start, reader.GetString(1))] = (Convert.ToInt64(reader.GetValue(2), null), reader.IsDBNull(3) ? null : Convert.ToDouble(reader.GetValue(3), null));
        }
        return new TrendHistory([.. computed], rows);
    }
}
