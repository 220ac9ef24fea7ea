namespace Icesco.Insights.Jobs.Trends;

/// <summary>Whether a row has too few ratings to be ranked by satisfaction (it is marked, not hidden).</summary>
public static class SmallSample
{
    public static bool IsSmall(long ratings, int minimumSample) => ratings < minimumSample;
}
