using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// Which ratings are new since the previous tick. A rating is stamped when the Collector receives it but lands in
/// ClickHouse up to a flush later, so the feed reads a lookback window and remembers what it already pushed,
/// rather than trusting "received after the last tick".
/// </summary>
public sealed class NewRatingsFeed(NewRatingsQuery query, IOptionsMonitor<LiveOptions> options)
{
    private readonly Dictionary<Guid, DateTimeOffset> pushed = [];

    /// <summary>Ratings not returned before, oldest first. Called by the tick only (not thread-safe).</summary>
    public async Task<IReadOnlyList<LiveRating>> NextAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = options.CurrentValue;
        var since = now - live.RatingsLookback;
        var ratings = await query.ReadAsync(since, live.MaxRatingsPerTick, cancellationToken).ConfigureAwait(false);
        var fresh = ratings.Where(r => !pushed.ContainsKey(r.Id)).ToList();
        foreach (var rating in fresh)
        {
            pushed[rating.Id] = rating.At;
        }
        foreach (var old in pushed.Where(p => p.Value < since).Select(p => p.Key).ToList())
        {
            pushed.Remove(old); // out of the window: the query will not return it again
        }
        return fresh;
    }
}
