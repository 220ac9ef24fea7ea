using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Reads the names a report needs: topics and member states (reference tables), titles of the articles it shows.</summary>
public sealed class ReportLabelsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<ReportLabels> ReadAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        var topics = await ReadNamesAsync($"SELECT code, name_ar, name_en, name_fr FROM {database}.topics FINAL", null, "report-labels-topics", cancellationToken).ConfigureAwait(false);
        var states = await ReadNamesAsync($"SELECT code, name_ar, name_en, name_fr FROM {database}.member_states FINAL", null, "report-labels-member-states", cancellationToken).ConfigureAwait(false);
        var articles = articleIds.Count == 0
            ? new Dictionary<string, LocalizedName>()
            : await ReadNamesAsync(
                $"SELECT article_id, title_ar, title_en, title_fr FROM {database}.articles FINAL WHERE has({{ids:Array(String)}}, article_id)",
                [.. articleIds], "report-labels-articles", cancellationToken).ConfigureAwait(false);
        return new ReportLabels(topics, states, articles);
    }

    private async Task<Dictionary<string, LocalizedName>> ReadNamesAsync(string sql, string[]? ids, string purpose, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        if (ids is not null)
        {
            parameters.AddParameter("ids", ids);
        }
        var names = new Dictionary<string, LocalizedName>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options(purpose), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            names[reader.GetString(0)] = new LocalizedName(reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }
        return names;
    }
}
