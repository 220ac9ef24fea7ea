namespace Icesco.Insights.Jobs.Trends;

/// <summary>
/// CSAT: the share of satisfied answers. On a 5-point scale that is the usual top-2-box (4 and 5).
/// Other widget scales use the documented equivalent, the top 40 % of the scale (docs/decisions/0010):
/// a rating counts when it is at least <c>scale − round(0.4 · scale) + 1</c>.
/// </summary>
public static class Csat
{
    /// <summary>The lowest rating that counts as satisfied on a scale of <paramref name="scale"/> answers (5 → 4, 10 → 7).</summary>
    public static int SatisfiedFrom(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 2);
        // 0.4 · scale never ends in .5 for a whole scale, so the rounding mode cannot matter
        // (and ClickHouse's round in the trend SQL agrees with this one).
        return scale - (int)Math.Round(0.4 * scale, MidpointRounding.AwayFromZero) + 1;
    }

    /// <summary>Whether <paramref name="rating"/> (1 = lowest) is a satisfied answer on <paramref name="scale"/>.</summary>
    public static bool IsSatisfied(int rating, int scale) => rating >= SatisfiedFrom(scale);

    /// <summary>Satisfied answers and all answers in a histogram keyed by (scale, rating).</summary>
    public static (long Satisfied, long Total) Count(IEnumerable<KeyValuePair<(int Scale, int Rating), long>> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long satisfied = 0, total = 0;
        foreach (var ((scale, rating), count) in histogram)
        {
            total += count;
            if (IsSatisfied(rating, scale))
            {
                satisfied += count;
            }
        }
        return (satisfied, total);
    }

    /// <summary>CSAT share 0..1, or null when nobody answered.</summary>
    public static double? Share(long satisfied, long total) => total == 0 ? null : (double)satisfied / total;

    /// <summary>A rating normalised to 0..1, so a 3 of 5 and a 5.5 of 10 compare: (r − 1) / (scale − 1).</summary>
    public static double Normalise(int rating, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 2);
        return Math.Clamp((rating - 1.0) / (scale - 1.0), 0, 1);
    }

    /// <summary>Mean of normalised ratings from their sum (as the rollups keep it); null when nobody answered.</summary>
    public static double? MeanNormalised(double normalisedSum, long ratings) => ratings == 0 ? null : normalisedSum / ratings;
}
