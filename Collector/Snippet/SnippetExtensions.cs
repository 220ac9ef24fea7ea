namespace Icesco.Insights.Collector.Snippet;

/// <summary>Serves the website snippet, <c>/insights.js</c>.</summary>
public static class SnippetExtensions
{
    public static IHostApplicationBuilder AddSnippet(this IHostApplicationBuilder builder) => builder; // stub

    public static WebApplication MapSnippet(this WebApplication app) => app; // stub
}
