using System.Globalization;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Demo;

/// <summary>
/// Keeps the dashboard moving: every second, the events of the past second at about
/// <paramref name="ratePerSecond"/> (shaped by the hour's rhythm), stamped now, one request per browser.
/// </summary>
public sealed class LiveTrickle(TrafficModel model, CollectorClient client, double ratePerSecond, TimeProvider time, int seed)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    private readonly Random random = new(unchecked(seed * 31 + 5));

    /// <summary>
    /// Only the trickle (after a history posted earlier, e.g. on a later start): the articles must have been
    /// registered. Posts about <paramref name="ratePerSecond"/> events/s to <paramref name="collector"/> until cancelled;
    /// <paramref name="options"/> gives the seed, browsers, data folder and country header.
    /// </summary>
    public static async Task RunAsync(Uri collector, double ratePerSecond, DemoOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        options.Validate();
        var data = Data.IcescoData.Load(Data.DataLocator.Find(options.DataDirectory));
        var model = DemoHistory.Model(data, options, options.End ?? TimeProvider.System.GetUtcNow());
        using var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(100) };
        var client = new CollectorClient(http, options.CountryHeader) { Notices = progress };
        await new LiveTrickle(model, client, ratePerSecond, TimeProvider.System, options.Seed).RunAsync(progress, cancellationToken);
    }

    /// <summary>The events between two ticks; the rate is the average over the day, the hour's rhythm applies.</summary>
    public List<SimEvent> EventsBetween(DateTimeOffset from, DateTimeOffset to) =>
        model.Events(from, to, ratePerSecond * (to - from).TotalSeconds * Rhythm.Weight(from), random);

    /// <summary>Posts until <paramref name="cancellationToken"/> is cancelled, which is how it ends (no exception then).</summary>
    public async Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"live: about {ratePerSecond:0.##} events/s until stopped"));
        var last = time.GetUtcNow();
        var lastReport = last;
        long sent = 0;
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = time.GetUtcNow();
                var events = EventsBetween(last, now);
                last = now;
                foreach (var (visitor, batch) in DemoHistory.Batches(events, 1000))
                {
                    await client.PostWithRetryAsync(visitor, batch, cancellationToken);
                    sent += batch.Length;
                }
                if (now - lastReport >= ReportEvery)
                {
                    progress.Report(string.Create(CultureInfo.InvariantCulture, $"live: {sent:N0} events sent"));
                    lastReport = now;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"live: stopped after {sent:N0} events"));
        }
    }
}
