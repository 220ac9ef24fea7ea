using System.Globalization;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>Which readers' answers the feedback explorer lists: the comment state a page asks for.</summary>
public enum ReviewState
{
    /// <summary>Every rating, reviewed or not.</summary>
    All,

    /// <summary>Comments nobody has marked reviewed yet.</summary>
    Unreviewed,

    /// <summary>Comments marked reviewed.</summary>
    Reviewed,
}

/// <summary>
/// The query string of <c>/api/v1/explore/feedback</c>: the Explore period and filters, plus <c>rating</c>, <c>article</c>,
/// <c>q</c> (words, all of which a comment must contain), <c>comments</c>, <c>review</c>, <c>limit</c> and the
/// <c>before</c> cursor of the next page. A wrong value is a 400 naming the parameter and the rule.
/// </summary>
public sealed partial record FeedbackRequest(
    ExplorePeriod Period,
    ExploreFilters Filters,
    int? Rating,
    string? Article,
    IReadOnlyList<string> Words,
    bool CommentsOnly,
    ReviewState Review,
    int Limit,
    FeedbackCursor? Before)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxWords = 8;
    public const int MaxQueryLength = 200;

    public static (FeedbackRequest? Request, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, DateTimeOffset now, TimeZoneInfo zone)
    {
        string? One(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        var (period, errors) = ExplorePeriod.Resolve(One("period"), One("from"), One("to"), now, zone);
        var (filters, filterErrors) = ExploreFilters.Parse(One);
        foreach (var (key, value) in filterErrors)
        {
            errors[key] = value;
        }

        int? rating = null;
        if (One("rating") is { Length: > 0 } ratingText)
        {
            if (int.TryParse(ratingText, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 10)
            {
                rating = r;
            }
            else
            {
                errors["rating"] = ["range: rating must be a whole number between 1 (the lowest answer) and 10."];
            }
        }

        var article = One("article");
        if (!string.IsNullOrEmpty(article) && !ArticleId().IsMatch(article))
        {
            errors["article"] = ["format: article must be an article id of 1–200 visible characters."];
        }

        var words = new List<string>();
        if (One("q") is { Length: > 0 } q)
        {
            words = [.. q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (q.Length > MaxQueryLength || words.Count > MaxWords)
            {
                errors["q"] = [$"range: q must be at most {MaxQueryLength} characters and {MaxWords} words."];
            }
        }

        var commentsOnly = false;
        switch (One("comments"))
        {
            case null or "" or "all":
                break;
            case "with":
                commentsOnly = true;
                break;
            default:
                errors["comments"] = ["one-of: comments must be all or with."];
                break;
        }

        var review = ReviewState.All;
        switch (One("review"))
        {
            case null or "" or "all":
                break;
            case "unreviewed":
                review = ReviewState.Unreviewed;
                break;
            case "reviewed":
                review = ReviewState.Reviewed;
                break;
            default:
                errors["review"] = ["one-of: review must be all, unreviewed or reviewed."];
                break;
        }

        var limit = DefaultLimit;
        if (One("limit") is { Length: > 0 } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"range: limit must be a whole number between 1 and {MaxLimit}."];
        }

        FeedbackCursor? before = null;
        if (One("before") is { Length: > 0 } cursorText && !FeedbackCursor.TryParse(cursorText, out before))
        {
            errors["before"] = ["format: before must be the next cursor of an earlier answer."];
        }

        return errors.Count > 0 || period is null || filters is null
            ? (null, errors)
            : (new FeedbackRequest(period, filters, rating, string.IsNullOrEmpty(article) ? null : article, words,
                commentsOnly || words.Count > 0 || review != ReviewState.All, review, limit, before), errors);
    }

    [GeneratedRegex(@"^[^\s\p{C}]{1,200}$")]
    private static partial Regex ArticleId();
}

/// <summary>Where the next page starts: the last answer's time and id (answers are ordered newest first, then by id).</summary>
public sealed record FeedbackCursor(long UnixMilliseconds, Guid EventId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UnixMilliseconds}_{EventId:N}");

    public static bool TryParse(string text, out FeedbackCursor? cursor)
    {
        cursor = null;
        var parts = text.Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && Guid.TryParseExact(parts[1], "N", out var id))
        {
            cursor = new FeedbackCursor(ms, id);
        }
        return cursor is not null;
    }
}
