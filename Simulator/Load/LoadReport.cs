using System.Globalization;
using System.Text;

namespace Icesco.Insights.Simulator.Load;

/// <summary>What a load run achieved: rates, latency percentiles of answered requests, errors by status.</summary>
public sealed record LoadReport(
    double TargetRate,
    TimeSpan Elapsed,
    int Requests,
    long EventsSent,
    long EventsAccepted,
    int Skipped,
    IReadOnlyList<TimeSpan> Latencies,
    IReadOnlyDictionary<string, int> Errors)
{
    public double AcceptedPerSecond => EventsAccepted / Math.Max(1e-9, Elapsed.TotalSeconds);

    public double RequestsPerSecond => Requests / Math.Max(1e-9, Elapsed.TotalSeconds);

    public TimeSpan P50 => Percentile(Latencies, 50);

    public TimeSpan P95 => Percentile(Latencies, 95);

    public TimeSpan P99 => Percentile(Latencies, 99);

    /// <summary>Nearest-rank percentile; zero for no samples.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return TimeSpan.Zero;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"target        {TargetRate:N0} events/s for {Elapsed.TotalSeconds:F1} s");
        text.AppendLine(c, $"achieved      {AcceptedPerSecond:N0} events/s accepted ({EventsAccepted:N0} of {EventsSent:N0} sent), {RequestsPerSecond:N1} requests/s");
        text.AppendLine(c, $"latency       p50 {P50.TotalMilliseconds:F1} ms, p95 {P95.TotalMilliseconds:F1} ms, p99 {P99.TotalMilliseconds:F1} ms ({Latencies.Count:N0} answered)");
        text.AppendLine(c, $"skipped       {Skipped:N0} requests due while every allowed request was in flight (the Collector fell behind the schedule)");
        text.Append(Errors.Count == 0 ? "errors        none"
            : "errors        " + string.Join(", ", Errors.OrderByDescending(e => e.Value).Select(e => string.Create(c, $"{e.Key}: {e.Value:N0}"))));
        return text.ToString();
    }
}
