using Icesco.Insights.Simulator.Demo;

namespace Icesco.Insights.Launcher.Demo;

/// <summary>
/// The demo traffic of the Simulator project: the real ICESCO articles registered, a seeded history of
/// <paramref name="weeks"/> weeks, then a live trickle of <paramref name="liveRate"/> events a second.
/// </summary>
internal sealed class SimulatorDemoTraffic(int weeks, double dailyViews, double liveRate) : IDemoTraffic
{
    public string? Unavailable => null;

    public async Task<DemoRange> SeedHistoryAsync(DemoTarget target, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var result = await DemoHistory.RunAsync(target.Collector, target.ArticlesApiKey, Options(), progress, cancellationToken).ConfigureAwait(false);

        // [From, To) in UTC; a day either side covers the local days of any Trends:TimeZone (a backfill is safe to repeat).
        return new DemoRange(
            DateOnly.FromDateTime(result.From.UtcDateTime).AddDays(-1),
            DateOnly.FromDateTime(result.To.UtcDateTime).AddDays(1));
    }

    public Task TrickleAsync(DemoTarget target, IProgress<string> progress, CancellationToken cancellationToken)
        => LiveTrickle.RunAsync(target.Collector, liveRate, Options(), progress, cancellationToken);

    private DemoOptions Options() => new() { Weeks = weeks, DailyViews = dailyViews };
}
