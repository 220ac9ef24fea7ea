using ClickHouse.Driver.Utility;
using System.Globalization;
using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>The most viewed articles of the window for every active filter, with their titles, in one query.</summary>
public sealed class TopArticlesQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public sealed record Row(string Filter, string Article, string Title, long Views);

    public async Task<IReadOnlyList<Row>> ReadAsync(IReadOnlyList<LiveFilter> filters, DateTimeOffset from, DateTimeOffset to, int top, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        var sql = $$"""
            SELECT t.filter, t.article_id, a.title, t.views
            FROM (
                SELECT filter, article_id, count() AS views
                FROM {{database}}.page_views
                {{LiveSql.FilterJoin}}
                WHERE {{LiveSql.Window}}
                GROUP BY filter, article_id
                ORDER BY filter, views DESC, article_id
                LIMIT {top:UInt32} BY filter
            ) AS t
            {{LiveSql.ArticleTitles(database, $"SELECT DISTINCT article_id FROM {database}.page_views WHERE {LiveSql.Window}")}}
            ORDER BY t.filter, t.views DESC, t.article_id
            """;
        var parameters = LiveParameters.Create(filters, from, to);
        parameters.AddParameter("top", (uint)top);
        var rows = new List<Row>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("live-top-articles"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var article = reader.GetString(1);
            var title = reader.GetString(2);
            rows.Add(new Row(reader.GetString(0), article, title.Length > 0 ? title : article, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
