namespace Icesco.Insights.Collector.Articles;

/// <summary>Registers and maps the article metadata API and catalogue.</summary>
public static class ArticlesExtensions
{
    public static IHostApplicationBuilder AddArticles(this IHostApplicationBuilder builder) => builder; // stub

    public static WebApplication MapArticlesApi(this WebApplication app) => app; // stub
}
