namespace Icesco.Insights.Collector.Articles;

/// <summary>
/// <c>PUT /api/v1/articles/{id}</c> and its bulk form: server-to-server article metadata, behind an
/// API key applied once on the group. Writes reach ClickHouse before the answer, and the in-memory
/// catalogue at once.
/// </summary>
public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/articles")
            .WithTags("Articles")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();

        group.MapPut("/{id}", async (string id, ArticleRequest article, ArticleStore store, ArticleCatalog catalog, CancellationToken cancellationToken) =>
        {
            if (article.Id is not null && article.Id != id)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["route-match: the body's id differs from the route's."] });
            }
            var result = await PutAsync([article with { Id = id }], "", store, catalog, cancellationToken);
            return result.Stored is { } stored ? Results.Ok(stored[0]) : result.Problem!;
        })
        .WithName("PutArticle")
        .WithSummary("Creates or replaces one article's metadata")
        .WithDescription("Requires X-Api-Key. The topic and member states must be codes of the topics and member_states tables.")
        .Produces<StoredArticle>();

        group.MapPut("/", async (ArticleRequest[] articles, ArticleStore store, ArticleCatalog catalog, Microsoft.Extensions.Options.IOptions<ArticlesOptions> options, CancellationToken cancellationToken) =>
        {
            if (articles.Length == 0 || articles.Length > options.Value.MaxBulk)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["articles"] = [$"max-items: send 1 to {options.Value.MaxBulk} articles."] });
            }
            var result = await PutAsync(articles, "articles", store, catalog, cancellationToken);
            return result.Stored is { } stored ? Results.Ok(stored) : result.Problem!;
        })
        .WithName("PutArticles")
        .WithSummary("Creates or replaces up to 1,000 articles' metadata at once")
        .WithDescription("Requires X-Api-Key. Every article needs its id; one invalid article rejects the whole request, naming articles[i].field.")
        .Produces<StoredArticle[]>();

        return group;
    }

    private static async Task<(IReadOnlyList<StoredArticle>? Stored, IResult? Problem)> PutAsync(
        ArticleRequest[] articles, string collection, ArticleStore store, ArticleCatalog catalog, CancellationToken cancellationToken)
    {
        var (topics, memberStates) = await store.KnownCodesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Length; i++)
        {
            ArticleValidator.Validate(articles[i], collection.Length == 0 ? "" : $"{collection}[{i}].", topics, memberStates, errors);
        }
        if (errors.Count > 0)
        {
            return (null, Results.ValidationProblem(errors, title: "The article metadata breaks a rule"));
        }

        var stored = await store.WriteAsync(articles, cancellationToken);
        catalog.Upsert(stored.Select(a => new ArticleInfo(a.Id, a.Url, a.Language, a.Topic, a.MemberStates)));
        return (stored, null);
    }
}
