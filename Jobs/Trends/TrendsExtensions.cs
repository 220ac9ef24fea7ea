namespace Icesco.Insights.Jobs.Trends;

/// <summary>Registers the trend computation (the job itself and its queries).</summary>
public static class TrendsExtensions
{
    public static IHostApplicationBuilder AddTrends(this IHostApplicationBuilder builder) => builder; // stub
}
