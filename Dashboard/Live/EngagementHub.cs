using Icesco.Insights.Dashboard.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// <c>/hubs/engagement</c>: thin on purpose — it authorizes, moves a connection into the group of its filter and
/// answers with a snapshot. Queries and pushes happen once per tick in <see cref="LiveTickService"/>.
/// </summary>
[Authorize(Policy = DashboardPolicies.Staff)]
public sealed class EngagementHub(LiveSubscriptions subscriptions, LiveSnapshots snapshots) : Hub<IEngagementClient>
{
    public const string Path = "/hubs/engagement";

    /// <summary>Joins the group of <paramref name="filter"/> (leaving the previous one) and sends its <c>Snapshot</c>.</summary>
    public async Task Subscribe(string filter)
    {
        if (!LiveFilter.TryParse(filter, out var parsed))
        {
            throw new HubException(LiveFilter.Rule + ".");
        }
        var previous = subscriptions.Set(Context.ConnectionId, parsed);
        if (previous is not null && previous != parsed)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, previous.Group);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, parsed.Group);
        await Clients.Caller.Snapshot(await snapshots.GetAsync(parsed, Context.ConnectionAborted));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
