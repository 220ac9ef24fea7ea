namespace Icesco.Insights.Dashboard.Explore;

internal static partial class ExploreLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Trends:TimeZone {TimeZone} is not ClickHouse:RollupTimeZone {RollupTimeZone}: Explore reads only its hourly rollup, exact but slower over months (docs/decisions/0023)")]
    public static partial void DailyRollupsUnusable(this ILogger logger, string timeZone, string rollupTimeZone);
}
