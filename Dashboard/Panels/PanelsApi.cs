using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Panels;

namespace Icesco.Insights.Dashboard.Panels;

/// <summary>
/// <c>GET /api/v1/panels/{board}</c>: a board's panels (titles in three languages, chart kinds, columns) for the
/// pages to draw. The queries stay on the server: pages get data from the hub and the APIs, not SQL.
/// </summary>
public static class PanelsApi
{
    public sealed record PanelView(string Id, LocalizedText Title, LocalizedText? Description, string? NamedQuery, PanelChart Chart, IReadOnlyList<PanelColumn> Columns, bool Report, int Order);

    public sealed record BoardView(string Board, LocalizedText Title, IReadOnlyList<PanelView> Panels);

    public static WebApplicationBuilder AddDashboardPanels(this WebApplicationBuilder builder)
    {
        builder.Services.AddPanels();
        return builder;
    }

    public static WebApplication MapPanelsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/panels/{board}", (string board, PanelCatalog catalog) =>
        {
            var found = catalog.Boards.FirstOrDefault(b => b.Board == board);
            if (found is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such board",
                    detail: $"board: known-board: must be one of {string.Join(", ", catalog.Boards.Select(b => b.Board))}.");
            }
            return Results.Ok(new BoardView(found.Board, found.Title, [.. found.Panels.Select(p =>
                new PanelView(p.Id, p.Title, p.Description, p.Query.Named, p.Chart, p.Columns, p.Report, p.Order))]));
        })
        .WithTags("Panels")
        .WithName("GetBoard")
        .WithSummary("A board's panel definitions")
        .RequireAuthorization(DashboardPolicies.Staff)
        .Produces<BoardView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
