using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>Accepted events with sensible random defaults that a test overrides.</summary>
internal static class TestEvents
{
    public static CollectedEvent PageView(string? site = null, Guid? id = null, string topic = "culture", DateTime? at = null)
    {
        var time = at ?? RecentMinute();
        return new CollectedEvent(EventKind.PageView, id ?? Guid.NewGuid(), time, time, site ?? RandomSite(), "a-1",
            "https://icesco.org/en/a-1", "/en/a-1", topic, ["MA", "SN"], (ulong)Random.Shared.NextInt64(), "MA", "en", "desktop", "",
            Rating: 0, RatingScale: 0, Comment: "");
    }

    public static CollectedEvent Feedback(string? site = null, byte rating = 4, string comment = "شكرا — merci") =>
        PageView(site) with { Kind = EventKind.Feedback, Rating = rating, RatingScale = 5, Comment = comment, MemberStates = ["EG"] };

    public static List<CollectedEvent> PageViews(int count, string? site = null)
    {
        var shared = site ?? RandomSite();
        return [.. Enumerable.Range(0, count).Select(_ => PageView(shared))];
    }

    public static string RandomSite() => $"site-{Guid.NewGuid():N}"[..17];

    /// <summary>A recent whole minute, so that rows are inside the raw-event retention.</summary>
    public static DateTime RecentMinute()
    {
        var t = DateTime.UtcNow.AddMinutes(-5);
        return new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }
}
