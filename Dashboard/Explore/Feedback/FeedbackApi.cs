using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary><c>/api/v1/explore/feedback…</c>: the readers' answers, searchable and exportable, and the review marks, for staff and above.</summary>
public static class FeedbackApi
{
    public const int MaxCsvRows = 100_000;

    private const string Parameters =
        "The period and filters of the Explore overview (period, from, to, topic, member_state, country, language, device, source), and: " +
        "rating (the answer, 1 = the lowest), article (an article id: every language version of its story), " +
        "q (words a comment must all contain, in any of ar, en, fr; case, Arabic diacritics and tatweel, alef forms, taa marbuta/haa, alef maqsura/yaa and Latin accents are ignored), " +
        "comments (all, the default, or with: only answers with a comment), review (all, unreviewed or reviewed: comments by their review mark), " +
        "limit (1–200, default 50) and before (the next cursor of the previous page). Answers come newest first.";

    public static IServiceCollection AddFeedbackExplorer(this IServiceCollection services)
    {
        services.AddValidatedOptions<FeedbackSearchOptions>(FeedbackSearchOptions.SectionName);
        return services.AddSingleton<FeedbackQuery>().AddSingleton<FeedbackReviews>();
    }

    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder group)
    {
        group.MapGet("/feedback", async (HttpRequest http, FeedbackQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, errors) = FeedbackRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
            return request is null ? Results.ValidationProblem(errors) : Results.Ok(await query.PageAsync(request, cancellationToken));
        })
        .WithName("GetExploreFeedback")
        .WithSummary("One page of readers' answers (ratings with or without a comment), newest first, with the total that match")
        .WithDescription(Parameters)
        .Produces<FeedbackPage>();

        group.MapGet("/feedback.csv", async (HttpRequest http, FeedbackQuery query, IOptions<ExploreOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, errors) = FeedbackRequest.Parse(http.Query, time.GetUtcNow(), options.Value.ResolveTimeZone());
            if (request is null)
            {
                return Results.ValidationProblem(errors);
            }
            var items = await query.AllAsync(request, MaxCsvRows, cancellationToken);
            return Results.File(FeedbackCsv.Write(items), "text/csv; charset=utf-8", $"icesco-insights-feedback-{request.Period.FirstDay:yyyy-MM-dd}-{request.Period.LastDay:yyyy-MM-dd}.csv");
        })
        .WithName("GetExploreFeedbackCsv")
        .WithSummary($"Every matching answer as CSV, newest first (at most {MaxCsvRows:N0}; limit and before are ignored)")
        .WithDescription("Text cells starting with = + - @, tab or CR are prefixed with ' so that spreadsheets do not run them. " + Parameters)
        .Produces<string>(contentType: "text/csv");

        group.MapPost("/feedback/{id:guid}/review", async (Guid id, ReviewMark mark, HttpContext http, IAntiforgery antiforgery, FeedbackReviews reviews, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The antiforgery token is missing or invalid.",
                    detail: "required: send the page's token in the RequestVerificationToken header.");
            }
            var by = http.User.FindFirst(DashboardClaims.Name)?.Value ?? "";
            try
            {
                var review = await reviews.MarkAsync(id, mark.Reviewed, by, cancellationToken);
                return Results.Ok(new ReviewAnswer(id, mark.Reviewed, review?.By, review?.At));
            }
            catch (KeyNotFoundException notFound)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rating.", detail: notFound.Message);
            }
        })
        .WithName("PostExploreFeedbackReview")
        .WithSummary("Marks an answer reviewed (reviewed: true) or takes the mark back (false); who and when are recorded")
        .WithDescription("Needs the Dashboard page's antiforgery token in the RequestVerificationToken header. The raw events are not changed: the mark is kept in feedback_reviews.")
        .Produces<ReviewAnswer>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>The body of a review POST.</summary>
    public sealed record ReviewMark(bool Reviewed);

    /// <summary>The mark as stored: <see cref="By"/> and <see cref="At"/> are null once taken back.</summary>
    public sealed record ReviewAnswer(Guid Id, bool Reviewed, string? By, DateTimeOffset? At);
}
