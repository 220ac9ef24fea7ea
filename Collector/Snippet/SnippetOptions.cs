using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Collector.Snippet;

/// <summary>Settings of <c>/insights.js</c> (section <c>Snippet</c>), injected into the script when it is served.</summary>
public sealed class SnippetOptions
{
    public const string Section = "Snippet";

    /// <summary>
    /// When true, a browser that sends Do-Not-Track or Global Privacy Control gets neither a page view
    /// nor the widget: nothing is sent, and no form is shown that would pretend to send.
    /// </summary>
    public bool RespectDoNotTrack { get; set; } = true;

    /// <summary>How long browsers and proxies may reuse the script before revalidating it with its ETag.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Snippet:CacheMaxAge must be between 0 and 7 days.")]
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Number of answers the widget offers. Not bound from this section: it is the ingestion setting
    /// <c>Ingestion:RatingScale</c>, read here so that the widget and the validation always agree.
    /// </summary>
    [Range(2, 11, ErrorMessage = "Ingestion:RatingScale must be between 2 and 11.")]
    public int RatingScale { get; set; } = DefaultRatingScale;

    /// <summary>The real widget's number of points is unknown; five is the working assumption.</summary>
    public const int DefaultRatingScale = 5;

    /// <summary>The configuration key of <see cref="RatingScale"/>.</summary>
    public const string RatingScaleKey = "Ingestion:RatingScale";
}
