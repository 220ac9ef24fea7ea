namespace Icesco.Insights.Launcher.Demo;

/// <summary>
/// The demo traffic the launcher drives once the services are healthy: a history posted through the Collector's
/// public API as the website would, then a live trickle. The Simulator project provides the real one
/// (<c>DemoHistory.RunAsync</c>) through <see cref="SimulatorDemoTraffic"/>; an interface so the launcher's
/// seeding steps are written against what they need, not the Simulator's whole API.
/// </summary>
internal interface IDemoTraffic
{
    /// <summary>Why there is no demo traffic in this build, or null when there is.</summary>
    string? Unavailable { get; }

    /// <summary>Posts the seeded history; returns the range of local days it covers (for the trends backfill).</summary>
    Task<DemoRange> SeedHistoryAsync(DemoTarget target, IProgress<string> progress, CancellationToken cancellationToken);

    /// <summary>Keeps posting live traffic until cancelled.</summary>
    Task TrickleAsync(DemoTarget target, IProgress<string> progress, CancellationToken cancellationToken);
}

/// <summary>Where demo traffic goes: the Collector's public URL and the key of its article API.</summary>
internal sealed record DemoTarget(Uri Collector, string ArticlesApiKey);

/// <summary>The days a seeded history covers, both included.</summary>
internal sealed record DemoRange(DateOnly From, DateOnly To);
