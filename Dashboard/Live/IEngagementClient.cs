namespace Icesco.Insights.Dashboard.Live;

/// <summary>What the server calls on a connected page (docs/decisions/0015).</summary>
public interface IEngagementClient
{
    /// <summary>The group's whole state, at once after <c>Subscribe</c>, so a reconnecting page is complete immediately.</summary>
    Task Snapshot(LiveState state);

    /// <summary>The group's state after a tick in which it changed.</summary>
    Task Update(LiveState state);

    /// <summary>Ratings received since the previous tick that match the group's filter.</summary>
    Task Ratings(IReadOnlyList<LiveRating> ratings);
}
