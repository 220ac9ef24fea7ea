using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Panels;

/// <summary>Runs a panel's SQL for a period through the one ClickHouse client, in the configured database.</summary>
public sealed class PanelQueryRunner(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    /// <summary>
    /// The panel's rows for <paramref name="period"/>. Named queries are computed by the Dashboard's live
    /// service, not here: asking for one is a programming error.
    /// </summary>
    public async Task<PanelData> RunAsync(PanelDefinition panel, PanelPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(period);
        var sql = panel.Query.Sql ?? throw new InvalidOperationException($"Panel '{panel.Id}' uses the named query '{panel.Query.Named}'; only SQL panels run here.");

        var parameters = new ClickHouseParameterCollection();
        foreach (var (name, value) in period.Values(sql))
        {
            parameters.AddParameter(name, value);
        }
        var columns = new List<string>();
        var rows = new List<object?[]>();
        using var reader = await client.ExecuteReaderAsync(
            sql, parameters, QueryPurpose.Options($"panel-{panel.Id}", clickHouse.Value.Database), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.Add(reader.GetName(i));
        }
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new PanelData(columns, rows);
    }
}
