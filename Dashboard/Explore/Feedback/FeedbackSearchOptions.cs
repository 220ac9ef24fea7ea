namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>How the feedback explorer answers a word search.</summary>
public sealed class FeedbackSearchOptions
{
    public const string SectionName = "Dashboard:FeedbackSearch";

    /// <summary>
    /// True (the default): words of at most 16 characters are looked up in <c>feedback_search</c> (migration 0017).
    /// False: every word is found with <c>position</c> over <c>feedback_explorer</c>, slower over a long period; for a
    /// database holding answers from before migration 0017 until they are copied into <c>feedback_search</c> (README).
    /// </summary>
    public bool UseIndex { get; set; } = true;
}
