using System.Text.RegularExpressions;
using Icesco.Insights.Dashboard.Auth;

namespace Icesco.Insights.Dashboard.Reports;

/// <summary><c>GET /api/v1/reports</c> and <c>/api/v1/reports/{week}/{language}.{pdf|html}</c>, for managers and admins.</summary>
public static partial class ReportsApi
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportsQuery>();
        return builder;
    }

    public static WebApplication MapReportsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/reports")
            .WithTags("Reports")
            .RequireAuthorization(DashboardPolicies.Manager)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async (ReportsQuery reports, CancellationToken cancellationToken) => Results.Ok(await reports.ListAsync(cancellationToken)))
            .WithName("ListReports")
            .WithSummary("The weekly reports, newest week first, one entry per language and format")
            .Produces<ReportListing[]>();

        group.MapGet("/{week}/{file}", async (string week, string file, HttpContext http, ReportsQuery reports, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!Week().IsMatch(week))
            {
                errors["week"] = ["iso-week: week must be an ISO week such as 2026-W09."];
            }
            var match = File().Match(file);
            if (!match.Success)
            {
                errors["file"] = ["language-and-format: the file must be ar, en or fr followed by .pdf or .html, e.g. en.pdf."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var (language, format) = (match.Groups["language"].Value, match.Groups["format"].Value);
            var content = await reports.ReadAsync(week, language, format, cancellationToken);
            if (content is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report",
                    detail: $"No {format} report in '{language}' for {week} has been rendered.");
            }
            var name = $"icesco-insights-{week}-{language}.{format}";
            if (format == "pdf")
            {
                return Results.File(content, "application/pdf", name);
            }
            // Inline, but sandboxed: the report holds readers' comments, and served from this origin a script in it
            // (were the renderer ever to let one through) would act with the viewer's sign-in.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";
            return Results.File(content, "text/html; charset=utf-8");
        })
        .WithName("GetReportFile")
        .WithSummary("One rendered report: PDF as an attachment, HTML to view")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
        .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }

    [GeneratedRegex("^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$", RegexOptions.CultureInvariant)]
    private static partial Regex Week();

    [GeneratedRegex("^(?<language>ar|en|fr)\\.(?<format>pdf|html)$", RegexOptions.CultureInvariant)]
    private static partial Regex File();
}
