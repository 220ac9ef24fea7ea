namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The headline figures of one period (views, unique visitors, ratings, CSAT with its 95 % Wilson interval).
/// <see cref="Visitors"/> is null in breakdown rows: merging the visitor sets of every row is most of a breakdown's cost
/// (docs/decisions/0023), and the page shows visitors only as a headline figure.
/// </summary>
public sealed record ExploreFigures(long Views, long? Visitors, long Ratings, long Satisfied, long Comments, double? Csat, double? CsatLow, double? CsatHigh, double? RatingsPerThousandViews, bool SmallSample);

/// <summary>A period's figures beside the period before, with the relative changes (null when the earlier value is 0).</summary>
public sealed record ExploreTotals(ExploreFigures Current, ExploreFigures Previous, double? ViewsChange, double? VisitorsChange, double? RatingsChange, double? CsatChange);

/// <summary>One row of a breakdown: a value of the dimension in the period and the period before.</summary>
public sealed record ExploreBreakdownRow(string Value, ExploreFigures Current, ExploreFigures Previous, double? ViewsChange, double? CsatChange);

/// <summary>One point of the series: the bucket's start (UTC) and its local label; <c>Previous*</c> is the same point of the period before.</summary>
public sealed record ExplorePoint(DateTimeOffset Start, string Label, long Views, long Ratings, double? Csat, long PreviousViews, long PreviousRatings);

/// <summary>The period an answer is about, as the API reports it back.</summary>
public sealed record ExplorePeriodInfo(string Preset, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset PreviousStart, DateTimeOffset PreviousEnd, string Bucket, bool InProgress, string TimeZone)
{
    public static ExplorePeriodInfo Of(ExplorePeriod p, string timeZone) =>
        new(p.Preset, p.FirstDay, p.LastDay, p.Start, p.End, p.PreviousStart, p.PreviousEnd, p.Bucket.ToString().ToLowerInvariant(), p.InProgress, timeZone);
}

/// <summary>The whole overview page in one answer.</summary>
public sealed record ExploreOverview(
    ExplorePeriodInfo Period,
    IReadOnlyDictionary<string, string> Filters,
    ExploreTotals Totals,
    IReadOnlyList<ExplorePoint> Series,
    IReadOnlyDictionary<string, IReadOnlyList<ExploreBreakdownRow>> Breakdowns);
