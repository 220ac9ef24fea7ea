namespace Icesco.Insights.Dashboard;

/// <summary>The OpenAPI document of the Dashboard's <c>/api/v1</c> (at <c>/openapi/v1.json</c>, for signed-in users).</summary>
public static class ApiDocument
{
    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Icesco.Insights Dashboard";
            document.Info.Description = "Trends, weekly reports and panel definitions for the Dashboard's pages. Sign in first (cookie); live figures come over the SignalR hub /hubs/engagement.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        return app;
    }
}
