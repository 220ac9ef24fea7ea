using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Articles;

/// <summary>
/// The article page's reads: one scan each of the story's rollups (sorted by article first) over its version ids, for
/// the period and the period before: figures, series and ratings from <c>article_totals_*</c> (one visitor sketch per
/// version and day, migration 0015), countries and sources from <c>article_audience_*</c>.
/// </summary>
public sealed class ArticleQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, IOptions<ExploreOptions> options, ArticleGroups groups, ExploreQuery explore, ExploreSources sources)
{
    public const int AudienceRows = 15;

    /// <summary>The page of <paramref name="articleId"/>'s story; null when neither the registry nor the events know the id.</summary>
    public async Task<ArticleReport?> ReportAsync(string articleId, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var versions = await groups.VersionsAsync(articleId, cancellationToken).ConfigureAwait(false);
        var ids = versions.Count > 0 ? versions.Select(v => v.Id).ToArray() : [articleId];
        var figures = FiguresAsync(ids, period, cancellationToken);
        var series = SeriesAsync(ids, period, cancellationToken);
        var countries = AudienceAsync(ids, period, "if(country = '', 'unknown', toString(country))", cancellationToken);
        var sources = AudienceAsync(ids, period, "toString(source)", cancellationToken);
        var ratings = RatingsAsync(ids, period, cancellationToken);
        var about = AboutAsync(articleId, cancellationToken);
        await Task.WhenAll(figures, series, countries, sources, ratings, about).ConfigureAwait(false);

        var (perVersion, totals, seen) = await figures.ConfigureAwait(false);
        if (versions.Count == 0 && !seen)
        {
            return null;
        }
        var none = ExploreMath.Figures(0, 0, 0, 0, 0, options.Value.MinimumSample);
        var known = versions.Count > 0 ? versions : [(articleId, new ArticleTitles("", "", "", "", "", ""))];
        var (topic, states) = await about.ConfigureAwait(false);
        return new ArticleReport(
            ExplorePeriodInfo.Of(period, options.Value.TimeZone),
            known[0].Titles.TranslationGroup,
            topic,
            states,
            [.. known.Select(v =>
            {
                var (current, previous) = perVersion.GetValueOrDefault(v.Id, (none, none));
                return new ArticleVersion(v.Id, v.Titles.Language, v.Titles.Url, v.Titles, current, previous, ExploreMath.Change(current.Views, previous.Views));
            })],
            totals,
            await series.ConfigureAwait(false),
            await countries.ConfigureAwait(false),
            await sources.ConfigureAwait(false),
            await ratings.ConfigureAwait(false));
    }

    /// <summary>Figures per version and over the whole story (visitors are merged across versions, not added), both periods.</summary>
    private async Task<(Dictionary<string, (ExploreFigures, ExploreFigures)> PerVersion, ExploreTotals Totals, bool Seen)> FiguresAsync(string[] ids, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var perVersion = CountsAsync(ids, period, "article_id", cancellationToken);
        var whole = CountsAsync(ids, period, null, cancellationToken);
        await Task.WhenAll(perVersion, whole).ConfigureAwait(false);
        var versions = await perVersion.ConfigureAwait(false);
        var (current, previous) = (await whole.ConfigureAwait(false)).Values.Single();
        return (versions, ExploreMath.Totals(current, previous), versions.Count > 0);
    }

    private async Task<Dictionary<string, (ExploreFigures, ExploreFigures)>> CountsAsync(string[] ids, ExplorePeriod period, string? groupBy, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT {groupBy ?? "''"},
                   sumIf(views, cur), uniqCombinedMergeIf(14)(visitors, cur), sumIf(ratings, cur), sumIf(satisfied, cur),
                   sumIf(views, NOT cur), uniqCombinedMergeIf(14)(visitors, NOT cur), sumIf(ratings, NOT cur), sumIf(satisfied, NOT cur)
            FROM {Totals(ids, period, parameters)}
            {(groupBy is null ? "" : $"GROUP BY {groupBy}")}
            """;
        var minimum = options.Value.MinimumSample;
        var result = new Dictionary<string, (ExploreFigures, ExploreFigures)>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-figures"), cancellationToken).ConfigureAwait(false);
        ExploreFigures At(int o) => ExploreMath.Figures(Long(reader.GetValue(o)), Long(reader.GetValue(o + 1)), Long(reader.GetValue(o + 2)), Long(reader.GetValue(o + 3)), 0, minimum);
        while (reader.Read())
        {
            result[reader.GetString(0)] = (At(1), At(5));
        }
        return result;
    }

    private async Task<IReadOnlyList<ArticlePoint>> SeriesAsync(string[] ids, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT toUnixTimestamp({explore.BucketSql(period.Bucket, "t")}) AS bucket, article_id, sum(views)
            FROM {Totals(ids, period, parameters)}
            WHERE cur
            GROUP BY bucket, article_id
            """;
        var found = new Dictionary<(long, string), long>();
        using (var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-series"), cancellationToken).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                found[(Long(reader.GetValue(0)), reader.GetString(1))] = Long(reader.GetValue(2));
            }
        }
        var zone = options.Value.ResolveTimeZone();
        return [.. ExploreBuckets.Starts(period.Bucket, period.Start, period.End, zone).Select(start => new ArticlePoint(
            start, ExploreBuckets.Label(period.Bucket, start, zone),
            ids.ToDictionary(id => id, id => found.GetValueOrDefault((start.ToUnixTimeSeconds(), id)), StringComparer.Ordinal)))];
    }

    private async Task<IReadOnlyList<ArticleAudienceRow>> AudienceAsync(string[] ids, ExplorePeriod period, string value, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT {value} AS value, sum(views) AS v, uniqMerge(visitors), sum(ratings) AS r
            FROM {Audience(ids, period, parameters)}
            WHERE cur
            GROUP BY value
            HAVING v > 0 OR r > 0
            ORDER BY v DESC, r DESC, value
            LIMIT {AudienceRows}
            """;
        var rows = new List<ArticleAudienceRow>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-audience"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new ArticleAudienceRow(reader.GetString(0), Long(reader.GetValue(1)), Long(reader.GetValue(2)), Long(reader.GetValue(3))));
        }
        return rows;
    }

    private async Task<IReadOnlyList<ArticleRatingCount>> RatingsAsync(string[] ids, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT tupleElement(answer.1, 1), tupleElement(answer.1, 2), answer.2
            FROM (SELECT sumMap(rating_histogram) AS h FROM {Totals(ids, period, parameters)} WHERE cur)
            ARRAY JOIN arrayZip(h.1, h.2) AS answer
            ORDER BY 1, 2
            """;
        var rows = new List<ArticleRatingCount>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-ratings"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            rows.Add(new ArticleRatingCount((int)Long(reader.GetValue(0)), (int)Long(reader.GetValue(1)), Long(reader.GetValue(2))));
        }
        return rows;
    }

    private async Task<(string Topic, IReadOnlyList<string> MemberStates)> AboutAsync(string articleId, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", articleId);
        var sql = $"SELECT argMax(topic, updated_at), argMax(member_states, updated_at) FROM {clickHouse.Value.Database}.articles WHERE article_id = {{id:String}}";
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-about"), cancellationToken).ConfigureAwait(false);
        if (!reader.Read())
        {
            return ("", []);
        }
        var states = reader.GetValue(1) is IEnumerable<object> o ? o.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToArray()
            : reader.GetValue(1) as string[] ?? [];
        return (reader.GetString(0), states);
    }

    /// <summary>
    /// The story's versions of both periods with <c>t</c> and <c>cur</c>: whole local days from <c>article_totals_1d</c>,
    /// a day under way and hourly series from <c>article_totals_1h</c> (migration 0015, <see cref="ExploreSources.Rows"/>).
    /// </summary>
    private string Totals(string[] ids, ExplorePeriod period, ClickHouseParameterCollection parameters)
    {
        parameters.AddParameter("ids", ids);
        return sources.Rows(
            period, "article_totals_1d", "article_totals_1h",
            "article_id, views, visitors, ratings, satisfied, rating_histogram",
            " AND article_id IN {ids:Array(String)}", parameters);
    }

    /// <summary>The story's audience by country and source, from <c>article_audience_1d</c> and <c>_1h</c> (migrations 0010, 0014).</summary>
    private string Audience(string[] ids, ExplorePeriod period, ClickHouseParameterCollection parameters)
    {
        parameters.AddParameter("ids", ids);
        return sources.Rows(
            period, "article_audience_1d", "article_audience_1h",
            "article_id, country, source, views, visitors, ratings",
            " AND article_id IN {ids:Array(String)}", parameters);
    }

    private static long Long(object value) => value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
