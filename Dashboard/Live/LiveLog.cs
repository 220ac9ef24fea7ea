namespace Icesco.Insights.Dashboard.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Live tick failed; the next tick tries again")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Pushing to live group {Group} failed")]
    public static partial void PushFailed(ILogger logger, string group, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Live tick: {Filters} filters, {Connections} connections, {Changed} updates, {Ratings} new ratings in {ElapsedMs} ms")]
    public static partial void Ticked(ILogger logger, int filters, int connections, int changed, int ratings, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Live tick took {ElapsedMs} ms, longer than the tick of {TickMs} ms")]
    public static partial void TickSlow(ILogger logger, long elapsedMs, long tickMs);
}
