using Icesco.Insights.Storage.Statistics;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// The state of every given filter at <c>now</c>: the four live questions asked once each for all filters
/// (concurrently: the engine runs them side by side), then split by filter.
/// </summary>
public sealed class LiveStateReader(
    ViewsPerMinuteQuery viewsPerMinute,
    TopArticlesQuery topArticles,
    ActiveVisitorsQuery activeVisitors,
    LiveCsatQuery csat,
    IOptionsMonitor<LiveOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<IReadOnlyDictionary<LiveFilter, LiveState>> ReadAsync(IReadOnlyList<LiveFilter> filters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = options.CurrentValue;
        // 60 whole minutes ending with the current one, so every point is a minute of the chart.
        var firstMinute = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero) - Window + TimeSpan.FromMinutes(1);
        var minutesTask = viewsPerMinute.ReadAsync(filters, firstMinute, now, cancellationToken);
        var topTask = topArticles.ReadAsync(filters, firstMinute, now, live.TopArticles, cancellationToken);
        var activeTask = activeVisitors.ReadAsync(filters, now - live.ActiveWindow, now, cancellationToken);
        var csatTask = csat.ReadAsync(filters, firstMinute, now, cancellationToken);
        await Task.WhenAll(minutesTask, topTask, activeTask, csatTask).ConfigureAwait(false);

        var minutes = (await minutesTask).ToLookup(r => r.Filter, StringComparer.Ordinal);
        var top = (await topTask).ToLookup(r => r.Filter, StringComparer.Ordinal);
        var active = await activeTask;
        var satisfaction = await csatTask;
        return filters.ToDictionary(f => f, f => new LiveState(
            f.Key,
            now,
            new ViewsPerMinute(Series(minutes[f.Key], "topic", int.MaxValue), Series(minutes[f.Key], "member_state", live.MemberStateSeries)),
            [.. top[f.Key].Select(r => new TopArticle(r.Article, r.Title, r.Views))],
            active.GetValueOrDefault(f.Key),
            Csat(satisfaction.GetValueOrDefault(f.Key)),
            [.. minutes[f.Key].Where(r => r.Dimension == "member_state").GroupBy(r => r.Key)
                .Select(g => new MemberStateViews(g.Key, g.Sum(r => r.Views))).OrderByDescending(m => m.Views).ThenBy(m => m.Code, StringComparer.Ordinal)]));
    }

    private static List<MinuteSeries> Series(IEnumerable<ViewsPerMinuteQuery.Row> rows, string dimension, int most) =>
        [.. rows.Where(r => r.Dimension == dimension).GroupBy(r => r.Key)
            .Select(g => new MinuteSeries(g.Key, [.. g.OrderBy(r => r.Minute).Select(r => new MinutePoint(r.Minute, r.Views))]))
            .OrderByDescending(s => s.Points.Sum(p => p.Views)).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(most)];

    private static LiveCsat? Csat((long Satisfied, long Ratings) counts)
    {
        if (WilsonInterval.Compute(counts.Satisfied, counts.Ratings) is not { } interval)
        {
            return null;
        }
        return new LiveCsat((double)counts.Satisfied / counts.Ratings, interval.Low, interval.High, counts.Ratings);
    }
}
