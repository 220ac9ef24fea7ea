namespace Icesco.Insights.Collector.Articles;

/// <summary>What enrichment needs to know of an article.</summary>
public sealed record ArticleInfo(string ArticleId, string Url, string Language, string Topic, IReadOnlyList<string> MemberStates);

/// <summary>
/// The articles known to the Collector, by id and by URL, held in memory for enrichment. Reloaded
/// from ClickHouse every minute (<see cref="ArticleCatalogRefresher"/>) and updated at once by the
/// articles API, so an event right after a PUT is already enriched.
/// </summary>
public sealed class ArticleCatalog(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (ArticleInfo Article, DateTimeOffset At)> recentWrites = new(StringComparer.Ordinal);
    private volatile Snapshot current = new([]);

    public int Count => current.ById.Count;

    public bool TryFind(string? articleId, Uri url, out ArticleInfo article)
    {
        var snapshot = current;
        if (articleId is not null && snapshot.ById.TryGetValue(articleId, out article!))
        {
            return true;
        }
        return snapshot.ByUrl.TryGetValue(UrlKey(url), out article!);
    }

    /// <summary>Adds or replaces articles written through the API.</summary>
    public void Upsert(IEnumerable<ArticleInfo> articles)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var merged = new Dictionary<string, ArticleInfo>(current.ById, StringComparer.Ordinal);
            foreach (var article in articles)
            {
                merged[article.ArticleId] = article;
                recentWrites[article.ArticleId] = (article, now);
            }
            current = new Snapshot(merged.Values);
        }
    }

    /// <summary>
    /// Replaces the catalogue with a full load that began at <paramref name="loadStarted"/>; writes
    /// made while it ran are kept, so a slow reload never undoes a PUT.
    /// </summary>
    public void Replace(IEnumerable<ArticleInfo> loaded, DateTimeOffset loadStarted)
    {
        lock (gate)
        {
            var merged = loaded.ToDictionary(a => a.ArticleId, StringComparer.Ordinal);
            foreach (var (id, write) in recentWrites.ToList())
            {
                if (write.At >= loadStarted)
                {
                    merged[id] = write.Article;
                }
                else
                {
                    recentWrites.Remove(id);
                }
            }
            current = new Snapshot(merged.Values);
        }
    }

    /// <summary>The URL as the catalogue compares it: host without <c>www.</c>, path without trailing slash, no query.</summary>
    public static string UrlKey(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        return host + Uri.UnescapeDataString(url.AbsolutePath).TrimEnd('/').ToLowerInvariant();
    }

    public static string UrlKey(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? UrlKey(uri) : url;

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<ArticleInfo> articles)
        {
            foreach (var article in articles)
            {
                ById[article.ArticleId] = article;
                if (article.Url.Length > 0)
                {
                    ByUrl[UrlKey(article.Url)] = article;
                }
            }
        }

        public Dictionary<string, ArticleInfo> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ArticleInfo> ByUrl { get; } = new(StringComparer.Ordinal);
    }
}
