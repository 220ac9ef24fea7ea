using System.Diagnostics;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>Waits for eventual consistency by polling with a deadline, never by sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan? deadline = null, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = deadline ?? DefaultDeadline;
        while (true)
        {
            var value = probe();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{what ?? "condition"} not reached within {limit}; last value: {value}");
            }
            await Task.Delay(20);
        }
    }
}
