using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Articles;

/// <summary>
/// The article page's reads, three in all and side by side: the story from the registry, one scan of
/// <c>article_totals_*</c> (migration 0015: figures per version and over the story, the series, the ratings, as
/// <c>GROUPING SETS</c>) and one of <c>article_audience_*</c> (countries and sources together, without visitors: the
/// page shows none per country, and merging a <c>uniq</c> set per country × source × day was most of that scan). The
/// two scans find the story's versions themselves (<see cref="ArticleGroups.VersionIdsSql"/>) rather than wait for the first.
/// </summary>
public sealed class ArticleQuery(ClickHouseClient client, IOptions<ExploreOptions> options, ArticleGroups groups, ExploreQuery explore, ExploreSources sources)
{
    public const int AudienceRows = 15;

    /// <summary>The page of <paramref name="articleId"/>'s story; null when neither the registry nor the events know the id.</summary>
    public async Task<ArticleReport?> ReportAsync(string articleId, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var reading = groups.StoryAsync(articleId, cancellationToken);
        var totals = TotalsAsync(articleId, period, cancellationToken);
        var audience = AudienceAsync(articleId, period, cancellationToken);
        await Task.WhenAll(reading, totals, audience).ConfigureAwait(false);

        var story = await reading.ConfigureAwait(false);
        var versions = story.Versions;
        var ids = versions.Count > 0 ? versions.Select(v => v.Id).ToArray() : [articleId];

        var (perVersion, whole, series, ratings) = await totals.ConfigureAwait(false);
        if (versions.Count == 0 && perVersion.Count == 0)
        {
            return null;
        }
        var none = ExploreMath.Figures(0, 0, 0, 0, 0, options.Value.MinimumSample);
        var known = versions.Count > 0 ? versions : [(articleId, new ArticleTitles("", "", "", "", "", ""))];
        var (countries, referrers) = await audience.ConfigureAwait(false);
        return new ArticleReport(
            ExplorePeriodInfo.Of(period, options.Value.TimeZone),
            known[0].Titles.TranslationGroup,
            story.Topic,
            story.MemberStates,
            [.. known.Select(v =>
            {
                var (current, previous) = perVersion.GetValueOrDefault(v.Id, (none, none));
                return new ArticleVersion(v.Id, v.Titles.Language, v.Titles.Url, v.Titles, current, previous, ExploreMath.Change(current.Views, previous.Views));
            })],
            ExploreMath.Totals(whole.Current ?? none, whole.Previous ?? none),
            SeriesOf(ids, period, series),
            countries,
            referrers,
            ratings);
    }

    // grouping(article_id, bucket) sets a bit for each column the row is not grouped by.
    private const int SeriesSet = 0, VersionSet = 1, StorySet = 3;

    /// <summary>
    /// One scan for the figures per version and over the whole story (visitors merged across versions, not added), both
    /// periods; the current period's views per bucket and version; and its ratings distribution.
    /// </summary>
    private async Task<(Dictionary<string, (ExploreFigures, ExploreFigures)> PerVersion, (ExploreFigures? Current, ExploreFigures? Previous) Whole,
        Dictionary<(long, string), long> Series, IReadOnlyList<ArticleRatingCount> Ratings)> TotalsAsync(string articleId, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT grouping(article_id, bucket) AS set, article_id, bucket,
                   sumIf(views, cur), uniqCombinedMergeIf(14)(visitors, cur), sumIf(ratings, cur), sumIf(satisfied, cur),
                   sumIf(views, NOT cur), uniqCombinedMergeIf(14)(visitors, NOT cur), sumIf(ratings, NOT cur), sumIf(satisfied, NOT cur),
                   sumMapIf(rating_histogram, cur) AS h, arrayMap(k -> k.1, h.1), arrayMap(k -> k.2, h.1), h.2
            FROM (SELECT *, if(cur, toUnixTimestamp({explore.BucketSql(period.Bucket, "t")}), 0) AS bucket FROM {Totals(articleId, period, parameters)})
            GROUP BY GROUPING SETS ((article_id, bucket), (article_id), ())
            """;
        var minimum = options.Value.MinimumSample;
        var perVersion = new Dictionary<string, (ExploreFigures, ExploreFigures)>(StringComparer.Ordinal);
        (ExploreFigures?, ExploreFigures?) whole = (null, null);
        var series = new Dictionary<(long, string), long>();
        var ratings = new List<ArticleRatingCount>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-totals"), cancellationToken).ConfigureAwait(false);
        ExploreFigures At(int o) => ExploreMath.Figures(Long(reader.GetValue(o)), Long(reader.GetValue(o + 1)), Long(reader.GetValue(o + 2)), Long(reader.GetValue(o + 3)), 0, minimum);
        while (reader.Read())
        {
            switch ((int)Long(reader.GetValue(0)))
            {
                case SeriesSet when Long(reader.GetValue(2)) != 0:
                    series[(Long(reader.GetValue(2)), reader.GetString(1))] = Long(reader.GetValue(3));
                    break;
                case VersionSet:
                    perVersion[reader.GetString(1)] = (At(3), At(7));
                    break;
                case StorySet:
                    whole = (At(3), At(7));
                    ratings.AddRange(Histogram(reader.GetValue(12), reader.GetValue(13), reader.GetValue(14)));
                    break;
            }
        }
        return (perVersion, whole, series, ratings);
    }

    private static IEnumerable<ArticleRatingCount> Histogram(object scales, object answers, object counts)
    {
        var (s, a, c) = (Longs(scales), Longs(answers), Longs(counts));
        return Enumerable.Range(0, c.Length).Where(i => c[i] > 0).Select(i => new ArticleRatingCount((int)s[i], (int)a[i], c[i]))
            .OrderBy(r => r.Scale).ThenBy(r => r.Rating);
    }

    private static long[] Longs(object value) => value is System.Collections.IEnumerable items ? [.. items.Cast<object>().Select(Long)] : [];

    private IReadOnlyList<ArticlePoint> SeriesOf(string[] ids, ExplorePeriod period, Dictionary<(long, string), long> found)
    {
        var zone = options.Value.ResolveTimeZone();
        return [.. ExploreBuckets.Starts(period.Bucket, period.Start, period.End, zone).Select(start => new ArticlePoint(
            start, ExploreBuckets.Label(period.Bucket, start, zone),
            ids.ToDictionary(id => id, id => found.GetValueOrDefault((start.ToUnixTimeSeconds(), id)), StringComparer.Ordinal)))];
    }

    /// <summary>The countries and the referrer sources of the current period, the first <see cref="AudienceRows"/> of each, in one scan.</summary>
    private async Task<(IReadOnlyList<ArticleAudienceRow> Countries, IReadOnlyList<ArticleAudienceRow> Sources)> AudienceAsync(string articleId, ExplorePeriod period, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = $"""
            SELECT pair.1 AS dimension, pair.2 AS value, sum(views) AS v, sum(ratings) AS r
            FROM {Audience(articleId, period, parameters)}
            ARRAY JOIN [('country', if(country = '', 'unknown', toString(country))), ('source', toString(source))] AS pair
            WHERE cur
            GROUP BY dimension, value
            HAVING v > 0 OR r > 0
            ORDER BY dimension, v DESC, r DESC, value
            LIMIT {AudienceRows} BY dimension
            """;
        var (countries, referrers) = (new List<ArticleAudienceRow>(), new List<ArticleAudienceRow>());
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-audience"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            (reader.GetString(0) == "country" ? countries : referrers).Add(new ArticleAudienceRow(reader.GetString(1), Long(reader.GetValue(2)), Long(reader.GetValue(3))));
        }
        return (countries, referrers);
    }

    /// <summary>
    /// The story's versions of both periods with <c>t</c> and <c>cur</c>: whole local days from <c>article_totals_1d</c>,
    /// a day under way and hourly series from <c>article_totals_1h</c> (migration 0015, <see cref="ExploreSources.Rows"/>).
    /// </summary>
    private string Totals(string articleId, ExplorePeriod period, ClickHouseParameterCollection parameters)
    {
        parameters.AddParameter("id", articleId);
        return sources.Rows(
            period, "article_totals_1d", "article_totals_1h",
            "article_id, views, visitors, ratings, satisfied, rating_histogram",
            $" AND article_id IN {groups.VersionIdsSql}", parameters);
    }

    /// <summary>The story's audience by country and source, from <c>article_audience_1d</c> and <c>_1h</c> (migrations 0010, 0014).</summary>
    private string Audience(string articleId, ExplorePeriod period, ClickHouseParameterCollection parameters)
    {
        parameters.AddParameter("id", articleId);
        return sources.Rows(
            period, "article_audience_1d", "article_audience_1h",
            "article_id, country, source, views, ratings",
            $" AND article_id IN {groups.VersionIdsSql}", parameters);
    }

    private static long Long(object value) => value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
