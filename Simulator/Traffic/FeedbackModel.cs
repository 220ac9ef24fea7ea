namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// Answers to the site's "Overall, how satisfied are you about the website?" widget. The scale's
/// point count is not known from the site (shared/data/README.md), so the Collector's default of 5
/// is used. Real satisfaction surveys are J-shaped: most answers at the top, a second, smaller
/// bump at the bottom, few in between.
/// </summary>
public static class FeedbackModel
{
    public const int Scale = 5;

    /// <summary>Share of page views that leave a rating.</summary>
    public const double RatingRate = 0.03;

    /// <summary>Share of ratings with a comment.</summary>
    public const double CommentRate = 0.4;

    /// <summary>Share of comments in which the reader leaves an e-mail address or a phone number.</summary>
    public const double ContactRate = 0.25;

    /// <summary>Probability of ratings 1 to 5.</summary>
    public static IReadOnlyList<double> RatingShares { get; } = [0.09, 0.05, 0.11, 0.28, 0.47];

    public static int Rating(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < RatingShares.Count; i++)
        {
            u -= RatingShares[i];
            if (u < 0)
            {
                return i + 1;
            }
        }
        return Scale;
    }

    /// <summary>A comment for <paramref name="rating"/> in <paramref name="language"/>, or null when the reader writes none.</summary>
    public static string? Comment(int rating, string language, Random random)
    {
        if (random.NextDouble() >= CommentRate)
        {
            return null;
        }
        var mood = rating >= 4 ? 0 : rating == 3 ? 1 : 2;
        var pool = Comments.Texts[language][mood];
        var text = pool[random.Next(pool.Length)];
        return random.NextDouble() < ContactRate ? text + " " + Comments.Contact(language, random) : text;
    }
}
