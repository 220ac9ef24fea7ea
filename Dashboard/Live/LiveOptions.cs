using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>The live push; section <c>Dashboard:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Dashboard:Live";

    /// <summary>
    /// How often the server queries ClickHouse (once for all groups) and pushes what changed. 500 ms: with the
    /// Collector's 1 s flush, a 1 s tick measured p95 1.9 s from POST to browser, over the 1.5 s goal (docs/benchmarks.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Dashboard:Live:Tick must be between 100 ms and 1 minute.")]
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Articles in "top articles now".</summary>
    [Range(1, 100, ErrorMessage = "Dashboard:Live:TopArticles must be between 1 and 100.")]
    public int TopArticles { get; set; } = 10;

    /// <summary>
    /// Member states that get a per-minute series (the most viewed of the hour); the map's totals cover all.
    /// Bounded because 53 series of 60 points every tick would make each push ten times larger.
    /// </summary>
    [Range(0, 60, ErrorMessage = "Dashboard:Live:MemberStateSeries must be between 0 and 60.")]
    public int MemberStateSeries { get; set; } = 10;

    /// <summary>
    /// How far back (by time received) a rating still counts as new. Covers the Collector's flush delay:
    /// a rating reaches ClickHouse after it was received, so "since the last tick" alone would miss it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Dashboard:Live:RatingsLookback must be between 10 s and 1 h.")]
    public TimeSpan RatingsLookback { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most ratings read per tick (the newest); of a burst beyond it within one tick, the feed shows the newest.</summary>
    [Range(1, 10_000, ErrorMessage = "Dashboard:Live:MaxRatingsPerTick must be between 1 and 10,000.")]
    public int MaxRatingsPerTick { get; set; } = 200;

    /// <summary>
    /// Browser origins, besides the Dashboard's own, whose pages may connect to the hub (e.g. the public address when a
    /// proxy rewrites the Host header). Any other <c>Origin</c> is refused with 403.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>"Active visitors" counts unique visitors of this last stretch.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Dashboard:Live:ActiveWindow must be between 1 minute and 1 hour.")]
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromMinutes(5);
}
