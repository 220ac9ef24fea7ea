using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Explore.Articles;
using Icesco.Insights.Dashboard.Explore.Feedback;
using Icesco.Insights.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// <c>/api/v1/explore/…</c>: any period, any combination of filters, for staff and above; the same answers the
/// Explore page draws, for analysts as JSON and CSV.
/// </summary>
public static class ExploreApi
{
    private const string Parameters =
        "period: today, yesterday, 7d (the 7 whole days before today, the default), 30d, this_month, last_month, 12m (the 12 whole months before this one) or custom with from and to (yyyy-MM-dd, both included), in the local calendar of Trends:TimeZone. " +
        "Each period is compared with the period of the same number of days just before it; a period still under way (today, this_month) runs to the end of the current hour and is compared with the same elapsed hours. " +
        "Filters, combined with AND: topic, member_state (ISO alpha-2, e.g. MA), country (ISO alpha-2 or unknown), language (ar, en, fr, unknown), device, source (a source name such as google or direct, or a referring host). " +
        "rows: rows per breakdown, 1–100 (default 10).";

    public static WebApplicationBuilder AddExplore(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ExploreOptions>(ExploreOptions.SectionName);
        builder.Services.AddSingleton<ExploreSources>().AddSingleton<ExploreQuery>().AddFeedbackExplorer().AddArticleExplorer();
        return builder;
    }

    public static WebApplication MapExploreApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<ExploreSources>().DailyUsable)
        {
            app.Logger.DailyRollupsUnusable(app.Services.GetRequiredService<IOptions<ExploreOptions>>().Value.TimeZone,
                app.Services.GetRequiredService<IOptions<Storage.ClickHouse.ClickHouseOptions>>().Value.RollupTimeZone);
        }
        var group = app.MapGroup("/api/v1/explore")
            .WithTags("Explore")
            .RequireAuthorization(DashboardPolicies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/overview", async (HttpRequest http, ExploreQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, errors) = ExploreRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
            return request is null ? Results.ValidationProblem(errors) : Results.Ok(await query.OverviewAsync(request.Period, request.Filters, request.Rows, cancellationToken));
        })
        .WithName("GetExploreOverview")
        .WithSummary("Headline figures, a time series and every breakdown of one period, beside the period before")
        .WithDescription(Parameters)
        .Produces<ExploreOverview>();

        group.MapGet("/breakdown", async (HttpRequest http, string? dimension, ExploreQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, dimensionValue, errors) = Parse(http, dimension, options, time);
            return request is null ? Results.ValidationProblem(errors) : Results.Ok(await query.BreakdownAsync(request.Period, request.Filters, dimensionValue, request.Rows, cancellationToken));
        })
        .WithName("GetExploreBreakdown")
        .WithSummary("One breakdown (dimension: topic, member_state, country, language, device or source)")
        .WithDescription(Parameters)
        .Produces<ExploreBreakdownRow[]>();

        group.MapGet("/breakdown.csv", async (HttpRequest http, string? dimension, ExploreQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, dimensionValue, errors) = Parse(http, dimension, options, time);
            if (request is null)
            {
                return Results.ValidationProblem(errors);
            }
            var rows = await query.BreakdownAsync(request.Period, request.Filters, dimensionValue, request.Rows, cancellationToken);
            return Results.File(ExploreCsv.Breakdown(dimensionValue, rows), "text/csv; charset=utf-8", $"icesco-insights-{dimensionValue}-{request.Period.FirstDay:yyyy-MM-dd}-{request.Period.LastDay:yyyy-MM-dd}.csv");
        })
        .WithName("GetExploreBreakdownCsv")
        .WithSummary("The same breakdown as CSV")
        .WithDescription("Text cells starting with = + - @, tab or CR are prefixed with ' so that spreadsheets do not run them. " + Parameters)
        .Produces<string>(contentType: "text/csv");

        group.MapGet("/series.csv", async (HttpRequest http, ExploreQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, errors) = ExploreRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
            if (request is null)
            {
                return Results.ValidationProblem(errors);
            }
            var points = await query.SeriesAsync(request.Period, request.Filters, cancellationToken);
            return Results.File(ExploreCsv.Series(points), "text/csv; charset=utf-8", $"icesco-insights-series-{request.Period.FirstDay:yyyy-MM-dd}-{request.Period.LastDay:yyyy-MM-dd}.csv");
        })
        .WithName("GetExploreSeriesCsv")
        .WithSummary("The period's time series as CSV (bucket: hour up to 2 days, day up to 93 days, else ISO week)")
        .WithDescription(Parameters)
        .Produces<string>(contentType: "text/csv");

        group.MapFeedbackApi().MapArticleApi();
        return app;
    }

    private static (ExploreRequest? Request, string Dimension, Dictionary<string, string[]> Errors) Parse(HttpRequest http, string? dimension, IOptions<ExploreOptions> options, TimeProvider time)
    {
        var (request, errors) = ExploreRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
        dimension ??= "topic";
        if (!ExploreFilters.Dimensions.Contains(dimension, StringComparer.Ordinal))
        {
            errors["dimension"] = [$"one-of: dimension must be one of {string.Join(", ", ExploreFilters.Dimensions)}."];
            request = null;
        }
        return (request, dimension, errors);
    }
}
