using System.Collections;
using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Articles;

/// <summary>Loads the <c>articles</c> table (FINAL) into the <see cref="ArticleCatalog"/> at start and then on every interval.</summary>
public sealed partial class ArticleCatalogRefresher(
    ArticleCatalog catalog,
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    IOptions<ArticlesOptions> options,
    TimeProvider time,
    ILogger<ArticleCatalogRefresher> logger) : BackgroundService
{
    /// <summary>Reads every article and replaces the catalogue.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var articles = new List<ArticleInfo>();
        using (var reader = await client.ExecuteReaderAsync(
            $"SELECT article_id, url, language, topic, member_states FROM {clickHouse.Value.Database}.articles FINAL",
            options: QueryPurpose.Options("article-catalog-load"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                var states = reader.GetValue(4) is IEnumerable values and not string
                    ? values.Cast<object>().Select(v => v.ToString() ?? "").ToArray()
                    : [];
                articles.Add(new ArticleInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), states));
            }
        }
        catalog.Replace(articles, started);
        Loaded(logger, articles.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep the last catalogue: events are still enriched from it, and the next tick retries.
                LoadFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Article catalogue loaded: {Count} articles")]
    private static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article catalogue could not be reloaded; keeping the previous one")]
    private static partial void LoadFailed(ILogger logger, Exception exception);
}
