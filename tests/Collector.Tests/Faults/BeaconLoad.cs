using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// Single events, one per POST as <c>navigator.sendBeacon</c> sends them (text/plain), from a few senders at a
/// steady pace: the time to each answer is kept under the phase it was sent in, and the id of every event
/// answered 202 is kept for the exactly-once check.
/// </summary>
internal sealed class BeaconLoad
{
    private readonly ConcurrentBag<Guid> accepted = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private int refused;
    private volatile string phase = "warm-up";

    /// <summary>The phase the next requests are counted under; switched by the test as it changes the fault.</summary>
    public string Phase
    {
        get => phase;
        set => phase = value;
    }

    public IReadOnlyCollection<Guid> Accepted => accepted;

    public int Refused => refused;

    /// <summary>Milliseconds from sending each request of <paramref name="phase"/> to reading its answer.</summary>
    public IReadOnlyList<double> Latencies(string phase) => latencies.TryGetValue(phase, out var ms) ? [.. ms] : [];

    /// <summary>The <paramref name="percentile"/> (0–100) of a phase's latencies, nearest rank.</summary>
    public double Percentile(string phase, double percentile)
    {
        var sorted = Latencies(phase).Order().ToList();
        Assert.NotEmpty(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Runs <paramref name="senders"/> loops, each sending one event then pausing <paramref name="pause"/>, until cancelled.</summary>
    public Task RunAsync(Uri collector, int senders, TimeSpan pause, CancellationToken cancellationToken)
        => Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(() => SendAsync(collector, pause, cancellationToken), CancellationToken.None)));

    private async Task SendAsync(Uri collector, TimeSpan pause, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(EventLoad.BrowserAgent);
        var events = new Uri(collector, "api/v1/events");
        while (!cancellationToken.IsCancellationRequested)
        {
            var id = Guid.NewGuid();
            var sentIn = Phase;
            using var content = new StringContent(Beacon(id), Encoding.UTF8, "text/plain");
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(events, content, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            latencies.GetOrAdd(sentIn, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add(id);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }

            await Task.Delay(pause, CancellationToken.None);
        }
    }

    private static string Beacon(Guid id) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"type":"pageview","event_id":"{{id}}","url":"https://www.icesco.org/en/2026/02/19/slow-clickhouse/","language":"en"}""");
}
