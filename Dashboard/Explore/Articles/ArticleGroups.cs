using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Articles;

/// <summary>
/// Stories as the article registry (<c>articles</c>, migration 0002) knows them: the language versions of one story
/// share a translation group. Each read takes the newest row of an article (the registry re-inserts to update).
/// </summary>
public sealed class ArticleGroups(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public const int MaxSearchResults = 20;

    private const string Latest = """
        SELECT article_id, argMax(title_ar, updated_at) AS ar, argMax(title_en, updated_at) AS en, argMax(title_fr, updated_at) AS fr,
               argMax(url, updated_at) AS url, argMax(language, updated_at) AS language, argMax(translation_group, updated_at) AS translation_group
        """;

    /// <summary>
    /// <paramref name="articleId"/>'s story in one read: every version with its titles (ordered ar, en, fr; empty when
    /// unknown), and the topic and member states the registry gives that id.
    /// </summary>
    public async Task<ArticleStory> StoryAsync(string articleId, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", articleId);
        var sql = $"""
            {Latest}, argMax(topic, updated_at) AS topic, argMax(member_states, updated_at) AS member_states
            FROM {Database}.articles
            WHERE article_id IN {VersionIdsSql}
            GROUP BY article_id
            ORDER BY language, article_id
            """;
        var versions = new List<(string, ArticleTitles)>();
        var (topic, states) = ("", (IReadOnlyList<string>)[]);
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-article-story"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            var version = Version(reader);
            versions.Add(version);
            if (version.Id == articleId)
            {
                topic = reader.GetString(7);
                states = ReaderValues.Strings(reader, 8);
            }
        }
        return new ArticleStory(versions, topic, states);
    }

    /// <summary>
    /// The ids of every version of the story of the article in the query parameter <c>{id:String}</c> (the id itself
    /// included, known or not), as a set for <c>IN</c>: the one definition of a story's versions, so that a read of
    /// events or rollups need not wait for <see cref="StoryAsync"/>.
    /// </summary>
    public string VersionIdsSql => $"""
        (SELECT article_id FROM {Database}.articles GROUP BY article_id
         HAVING argMax(translation_group, updated_at) = {GroupOfId} AND {GroupOfId} != ''
         UNION ALL SELECT {"{id:String}"})
        """;

    // '' for an id the registry does not know and for one stored without a group: neither may match every other
    // article without a group.
    private string GroupOfId => $"(SELECT argMax(translation_group, updated_at) FROM {Database}.articles WHERE article_id = {"{id:String}"})";

    public async Task<Dictionary<string, ArticleTitles>> TitlesAsync(string[] ids, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", ids);
        var sql = $"{Latest} FROM {Database}.articles WHERE article_id IN {{ids:Array(String)}} GROUP BY article_id";
        return (await ReadAsync(sql, parameters, "dashboard-article-titles", cancellationToken).ConfigureAwait(false))
            .ToDictionary(v => v.Id, v => v.Titles, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stories whose title in any language contains every word of <paramref name="words"/> (normalised as the
    /// feedback search is: <see cref="SearchText"/>), one version per story (the first of ar, en, fr), at most <see cref="MaxSearchResults"/>.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, ArticleTitles Titles)>> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var conditions = words.Select((w, i) =>
        {
            parameters.AddParameter($"w{i}", w);
            return $"position({SearchText.SqlExpression("concat(ar, ' ', en, ' ', fr)")}, {SearchText.SqlExpression($"{{w{i}:String}}")}) > 0";
        });
        var sql = $"""
            SELECT argMin(article_id, language), argMin(ar, language), argMin(en, language), argMin(fr, language),
                   argMin(url, language), min(language), translation_group
            FROM ({Latest} FROM {Database}.articles GROUP BY article_id)
            WHERE {string.Join(" AND ", conditions.DefaultIfEmpty("1"))}
            GROUP BY translation_group
            ORDER BY translation_group
            LIMIT {MaxSearchResults}
            """;
        return await ReadAsync(sql, parameters, "dashboard-article-search", cancellationToken).ConfigureAwait(false);
    }

    private string Database => clickHouse.Value.Database;

    private async Task<List<(string Id, ArticleTitles Titles)>> ReadAsync(string sql, ClickHouseParameterCollection parameters, string purpose, CancellationToken cancellationToken)
    {
        var result = new List<(string, ArticleTitles)>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options(purpose), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            result.Add(Version(reader));
        }
        return result;
    }

    private static (string Id, ArticleTitles Titles) Version(System.Data.Common.DbDataReader reader) =>
        (reader.GetString(0), new ArticleTitles(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            Convert.ToString(reader.GetValue(5), CultureInfo.InvariantCulture) ?? "", reader.GetString(6)));
}

/// <summary>A story as the registry knows it: its versions, and the topic and member states of the id asked for.</summary>
public sealed record ArticleStory(IReadOnlyList<(string Id, ArticleTitles Titles)> Versions, string Topic, IReadOnlyList<string> MemberStates);

/// <summary>An article version's titles in the three languages, its address, language and translation group.</summary>
public sealed record ArticleTitles(string Ar, string En, string Fr, string Url, string Language, string TranslationGroup);
