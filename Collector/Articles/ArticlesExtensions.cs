using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Collector.Articles;

/// <summary>Registers and maps the article metadata API and catalogue.</summary>
public static class ArticlesExtensions
{
    public static IHostApplicationBuilder AddArticles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInsightsClickHouse(builder.Configuration);
        builder.Services.AddValidatedOptions<ArticlesOptions>(ArticlesOptions.SectionName);
        builder.Services.AddSingleton<ArticleCatalog>();
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<ArticleCatalogRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ArticleCatalogRefresher>());
        return builder;
    }

    public static WebApplication MapArticlesApi(this WebApplication app)
    {
        app.MapArticles();
        return app;
    }
}
