using System.Text.Json;
using Icesco.Insights.Simulator.Data;
using Icesco.Insights.Simulator.Demo;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Tests;

/// <summary>The real shared/data files, loaded once, and what they allow, read independently of the simulator's loader.</summary>
public static class RealData
{
    public static DirectoryInfo Directory { get; } = DataLocator.Find();

    public static IcescoData Data { get; } = IcescoData.Load(Directory);

    public static IReadOnlySet<string> Topics { get; } = ReadTopics();

    public static IReadOnlySet<string> MemberStates { get; } = File.ReadLines(Path.Combine(Directory.FullName, "member-states.csv"))
        .Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);

    public static readonly DateTimeOffset End = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A history from the real data, smaller than the demo's default so that tests stay fast.</summary>
    public static List<SimEvent> History(int seed = 7, int weeks = 4, double dailyViews = 1500, DateTimeOffset? end = null)
    {
        var options = new DemoOptions { Seed = seed, Weeks = weeks, DailyViews = dailyViews, Visitors = 300 };
        var until = end ?? End;
        var model = DemoHistory.Model(Data, options, until);
        return DemoHistory.Generate(model, until - TimeSpan.FromDays(7 * weeks), until, dailyViews, seed);
    }

    private static HashSet<string> ReadTopics()
    {
        using var header = JsonDocument.Parse(File.ReadLines(Path.Combine(Directory.FullName, "articles.jsonl")).First());
        return header.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal);
    }
}
