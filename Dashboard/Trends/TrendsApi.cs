using System.Text;
using Icesco.Insights.Dashboard.Auth;

namespace Icesco.Insights.Dashboard.Trends;

/// <summary><c>GET /api/v1/trends</c> (JSON) and <c>/api/v1/trends.csv</c>, for staff and above.</summary>
public static class TrendsApi
{
    public static WebApplicationBuilder AddTrends(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TrendsQuery>();
        return builder;
    }

    public static WebApplication MapTrendsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1")
            .WithTags("Trends")
            .RequireAuthorization(DashboardPolicies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/trends", async (string? dimension, string? kind, int? periods, TrendsQuery query, CancellationToken cancellationToken) =>
        {
            var (request, errors) = TrendsRequest.Parse(dimension, kind, periods);
            return request is null ? Results.ValidationProblem(errors!) : Results.Ok(await query.ReadAsync(request, cancellationToken));
        })
        .WithName("GetTrends")
        .WithSummary("Trends of the last periods by one dimension")
        .WithDescription("dimension: overall, topic, member_state, country, language or article (default topic); kind: week or day (default week); periods: 1–104 (default 8), the latest computed. A row with inProgress = true is a period that had not ended when computed (the current week or day): its viewsChange and csatChange compare it with the same elapsed hours of the period before, and its anomaly is \"in-progress\" (no verdict until the period is whole).")
        .Produces<TrendRow[]>();

        group.MapGet("/trends.csv", async (string? dimension, string? kind, int? periods, TrendsQuery query, CancellationToken cancellationToken) =>
        {
            var (request, errors) = TrendsRequest.Parse(dimension, kind, periods);
            if (request is null)
            {
                return Results.ValidationProblem(errors!);
            }
            var csv = TrendsCsv.Write(await query.ReadAsync(request, cancellationToken));
            return Results.File(
                Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(),
                "text/csv; charset=utf-8",
                $"icesco-insights-trends-{request.Dimension}-{request.Kind}.csv");
        })
        .WithName("GetTrendsCsv")
        .WithSummary("The same trends as CSV")
        .WithDescription("Text cells starting with = + - @, tab or CR are prefixed with ' so that spreadsheets do not run them.")
        .Produces<string>(contentType: "text/csv");
        return app;
    }
}
