using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// Once per tick and per server (not per client): reads the state of every watched filter and the new ratings,
/// pushes <c>Update</c> to each group whose state changed and <c>Ratings</c> to each group they match.
/// </summary>
public sealed class LiveTickService(
    LiveSubscriptions subscriptions,
    LiveStateReader reader,
    LiveSnapshots snapshots,
    NewRatingsFeed ratings,
    IHubContext<EngagementHub, IEngagementClient> hub,
    TimeProvider clock,
    IOptionsMonitor<LiveOptions> options,
    ILogger<LiveTickService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.Tick, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // ClickHouse away for a moment must not end live updates for good; the pages keep their last state.
                LiveLog.TickFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var filters = subscriptions.ActiveFilters();
        snapshots.Retain(filters);
        if (filters.Count == 0)
        {
            return;
        }
        var elapsed = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var statesTask = reader.ReadAsync(filters, now, cancellationToken);
        var newRatingsTask = ratings.NextAsync(now, cancellationToken);
        await Task.WhenAll(statesTask, newRatingsTask).ConfigureAwait(false);
        var states = await statesTask;
        var newRatings = await newRatingsTask;

        var changed = 0;
        foreach (var filter in filters)
        {
            if (snapshots.Store(states[filter], filter))
            {
                changed++;
                Push(filter, group => group.Update(states[filter]));
            }
            var matching = newRatings.Where(r => filter.Matches(r.Topic, r.MemberStates, r.Language)).ToList();
            if (matching.Count > 0)
            {
                Push(filter, group => group.Ratings(matching));
            }
        }
        LiveLog.Ticked(logger, filters.Count, subscriptions.Connections, changed, newRatings.Count, elapsed.ElapsedMilliseconds);
        if (elapsed.Elapsed > options.CurrentValue.Tick)
        {
            LiveLog.TickSlow(logger, elapsed.ElapsedMilliseconds, (long)options.CurrentValue.Tick.TotalMilliseconds);
        }
    }

    // Not awaited: SignalR buffers per connection, and a group send completes only when its slowest connection has
    // taken the message, so awaiting here would let one slow browser delay every other group's next tick.
    private void Push(LiveFilter filter, Func<IEngagementClient, Task> send) =>
        _ = ObserveAsync(filter.Group, send(hub.Clients.Group(filter.Group)));

    private async Task ObserveAsync(string group, Task send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LiveLog.PushFailed(logger, group, e);
        }
    }
}
