using ClickHouse.Driver;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Articles;

/// <summary>Writes article metadata to the <c>articles</c> table (synchronously) and reads the codes it is checked against.</summary>
public sealed class ArticleStore(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time)
{
    private static readonly string[] Columns =
        ["article_id", "url", "language", "title_ar", "title_en", "title_fr", "topic", "member_states", "translation_group", "published_at", "updated_at"];

    public async Task<(IReadOnlySet<string> Topics, IReadOnlySet<string> MemberStates)> KnownCodesAsync(CancellationToken cancellationToken) =>
        (await CodesAsync("topics", cancellationToken).ConfigureAwait(false), await CodesAsync("member_states", cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<StoredArticle>> WriteAsync(IReadOnlyList<ArticleRequest> articles, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = articles.Select(a => new StoredArticle(
            a.Id!,
            a.Url!,
            new ArticleTitles(a.Titles?.Ar ?? "", a.Titles?.En ?? "", a.Titles?.Fr ?? ""),
            a.Topic!,
            a.MemberStates ?? [],
            a.PublishedAt is { } published ? DateTimeOffset.FromUnixTimeSeconds(published.ToUnixTimeSeconds()) : null,
            a.Language!,
            ArticleValidator.TranslationGroup(a.Id!, a.Translations),
            now)).ToList();
        var rows = stored.Select(a => new object[]
        {
            a.Id, a.Url, a.Language, a.Titles.Ar!, a.Titles.En!, a.Titles.Fr!, a.Topic, a.MemberStates.ToArray(), a.TranslationGroup,
            a.PublishedAt is { } p ? p.UtcDateTime : DBNull.Value, a.UpdatedAt.UtcDateTime,
        });
        await client.InsertBinaryAsync("articles", Columns, rows, QueryPurpose.Insert("articles-put", options.Value.Database), cancellationToken)
            .ConfigureAwait(false);
        return stored;
    }

    private async Task<IReadOnlySet<string>> CodesAsync(string table, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT code FROM {options.Value.Database}.{table} FINAL",
            options: QueryPurpose.Options($"articles-known-{table}"),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }
}
