using Icesco.Insights.ServiceDefaults;

namespace Icesco.Insights.Collector.Snippet;

/// <summary>Serves the website snippet, <c>/insights.js</c>.</summary>
public static class SnippetExtensions
{
    public static IHostApplicationBuilder AddSnippet(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SnippetOptions>(SnippetOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.RatingScale = configuration.GetValue(SnippetOptions.RatingScaleKey, SnippetOptions.DefaultRatingScale));
        builder.Services.AddSingleton<SnippetAssetCache>();
        return builder;
    }

    public static WebApplication MapSnippet(this WebApplication app)
    {
        app.MapMethods(SnippetEndpoint.Path, [HttpMethods.Get, HttpMethods.Head], SnippetEndpoint.Serve)
            .WithName("GetSnippet")
            .WithSummary("The website snippet: sends page views and renders the satisfaction widget.")
            .Produces(StatusCodes.Status200OK, contentType: "application/javascript")
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }
}
