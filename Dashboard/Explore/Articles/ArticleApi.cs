using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Articles;

/// <summary><c>/api/v1/explore/article…</c>: one story across its ar/en/fr versions, and finding a story by its title.</summary>
public static class ArticleApi
{
    public static IServiceCollection AddArticleExplorer(this IServiceCollection services) =>
        services.AddSingleton<ArticleGroups>().AddSingleton<ArticleQuery>();

    public static RouteGroupBuilder MapArticleApi(this RouteGroupBuilder group)
    {
        group.MapGet("/article", async (HttpRequest http, string? id, ArticleQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, errors) = ExploreRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
            if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
            {
                errors["id"] = ["required: id must be the id of one language version of the article (1–200 characters)."];
            }
            if (request is null || errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var report = await query.ReportAsync(id!, request.Period, cancellationToken);
            return report is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article.", detail: $"Neither the article registry nor the events know the article id '{id}'.")
                : Results.Ok(report);
        })
        .WithName("GetExploreArticle")
        .WithSummary("One story as one thing: its language versions (translation group), views per version over time, visitors, countries, sources and ratings")
        .WithDescription("id: any version's article id. period, from, to: as the overview (the filters do not apply here). The story's comments: /api/v1/explore/feedback?article={id}&comments=with.")
        .Produces<ArticleReport>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/articles", async (string? q, ArticleGroups groups, CancellationToken cancellationToken) =>
        {
            var words = (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0 || q!.Length > 200 || words.Length > 8)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["range: q must hold 1–8 words, at most 200 characters."] });
            }
            var found = await groups.SearchAsync(words, cancellationToken);
            return Results.Ok(found.Select(f => new ArticleMatch(f.Id, f.Titles.TranslationGroup, f.Titles)).ToList());
        })
        .WithName("SearchExploreArticles")
        .WithSummary($"Stories whose title in Arabic, English or French holds every word of q (at most {ArticleGroups.MaxSearchResults})")
        .WithDescription("q: words, matched as the feedback search matches them (case, Arabic diacritics and letter forms, Latin accents ignored).")
        .Produces<List<ArticleMatch>>();
        return group;
    }
}
