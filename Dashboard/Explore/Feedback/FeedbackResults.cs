using Icesco.Insights.Dashboard.Explore.Articles;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>One reader's answer as the explorer lists it; <see cref="Comment"/> is the reader's text (scrubbed by the Collector), shown only as text.</summary>
public sealed record FeedbackItem(
    Guid Id,
    DateTimeOffset Time,
    int Rating,
    int Scale,
    string Comment,
    string ArticleId,
    ArticleTitles? Article,
    string Topic,
    string Language,
    string Country,
    IReadOnlyList<string> MemberStates,
    string Device,
    string Source,
    FeedbackReview? Review);

/// <summary>Who marked an answer reviewed, and when.</summary>
public sealed record FeedbackReview(string By, DateTimeOffset At);

/// <summary>
/// One page of answers, newest first: <see cref="Total"/> counts every answer that matches (all pages);
/// <see cref="Next"/> is the <c>before</c> of the next page, null on the last.
/// </summary>
public sealed record FeedbackPage(ExplorePeriodInfo Period, long Total, IReadOnlyList<FeedbackItem> Items, string? Next);
