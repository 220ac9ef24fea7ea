namespace Icesco.Insights.Dashboard.Live;

/// <summary>What a group sees (docs/decisions/0015): the last 60 minutes for its filter. Sent as camelCase JSON.</summary>
public sealed record LiveState(
    string Filter,
    DateTimeOffset At,
    ViewsPerMinute ViewsPerMinute,
    IReadOnlyList<TopArticle> TopArticles,
    long ActiveVisitors,
    LiveCsat? Csat,
    IReadOnlyList<MemberStateViews> MemberStates)
{
    public static LiveState Empty(LiveFilter filter, DateTimeOffset at) =>
        new(filter.Key, at, new ViewsPerMinute([], []), [], 0, null, []);
}

public sealed record ViewsPerMinute(IReadOnlyList<MinuteSeries> ByTopic, IReadOnlyList<MinuteSeries> ByMemberState);

/// <summary>One line of a chart: a topic or a member state, a point for every minute (zeros included).</summary>
public sealed record MinuteSeries(string Key, IReadOnlyList<MinutePoint> Points);

public sealed record MinutePoint(DateTimeOffset Minute, long Views);

public sealed record TopArticle(string Article, string Title, long Views);

/// <summary>Share of satisfied answers of the last hour with its Wilson 95 % interval.</summary>
public sealed record LiveCsat(double Value, double Low, double High, long Ratings);

public sealed record MemberStateViews(string Code, long Views);

/// <summary>A rating as it arrives; <see cref="Comment"/> is scrubbed by the Collector and must be shown as text.</summary>
public sealed record LiveRating(
    Guid Id,
    DateTimeOffset At,
    string Article,
    string Title,
    string Topic,
    IReadOnlyList<string> MemberStates,
    string Language,
    int Rating,
    int Scale,
    string Comment);
