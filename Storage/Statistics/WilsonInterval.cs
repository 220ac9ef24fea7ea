namespace Icesco.Insights.Storage.Statistics;

/// <summary>
/// Wilson score interval for a proportion (CSAT in the trends, the alerts and the live Dashboard). Chosen over the normal ("Wald") interval because it stays
/// inside 0..1 and is honest for small n and for shares near 0 or 1, which CSAT often is.
/// </summary>
public static class WilsonInterval
{
    /// <summary>Two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The 95 % interval for <paramref name="successes"/> out of <paramref name="n"/>; null when n is 0.</summary>
    public static (double Low, double High)? Compute(long successes, long n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        if (n == 0)
        {
            return null;
        }

        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // Clamp only floating-point noise: mathematically the bounds are already within 0..1.
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
