using Icesco.Insights.Simulator.Load;

namespace Icesco.Insights.Simulator.Tests.Load;

public sealed class LoadReportFacts
{
    private static readonly TimeSpan[] Samples = [.. Enumerable.Range(1, 100).Reverse().Select(i => TimeSpan.FromMilliseconds(i))];

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_answered_requests()
    {
        var report = new LoadReport(1000, TimeSpan.FromSeconds(10), 100, 10_000, 9_000, 0, Samples, new Dictionary<string, int>());
        Assert.Equal((50, 95, 99), (report.P50.TotalMilliseconds, report.P95.TotalMilliseconds, report.P99.TotalMilliseconds));
        Assert.Equal(900, report.AcceptedPerSecond, 3);
    }

    [Fact]
    public void No_answers_give_zero_latencies_not_an_error() =>
        Assert.Equal(TimeSpan.Zero, LoadReport.Percentile([], 99));

    [Fact]
    public void The_summary_lists_errors_by_status()
    {
        var report = new LoadReport(1000, TimeSpan.FromSeconds(1), 3, 300, 100, 0, Samples, new Dictionary<string, int> { ["429"] = 2 });
        Assert.Contains("429: 2", report.ToString(), StringComparison.Ordinal);
    }
}
