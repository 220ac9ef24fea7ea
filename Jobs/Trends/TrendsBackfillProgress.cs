namespace Icesco.Insights.Jobs.Trends;

/// <summary>One period of a backfill done: which, how many rows it wrote, and how far the backfill is.</summary>
/// <param name="Period">The period just computed.</param>
/// <param name="Rows">Trend rows written for it (0 when nothing happened in it).</param>
/// <param name="Completed">Periods done so far, this one included.</param>
/// <param name="Total">Periods in the whole backfill.</param>
public readonly record struct TrendsBackfillProgress(TrendPeriod Period, int Rows, int Completed, int Total)
{
    public override string ToString() => $"{Period}: {Rows} rows ({Completed}/{Total})";
}
