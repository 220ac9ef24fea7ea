using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>The parameters of <see cref="LiveSql"/>: the active filters and a time window in Unix milliseconds.</summary>
internal static class LiveParameters
{
    public static ClickHouseParameterCollection Create(IReadOnlyList<LiveFilter> filters, DateTimeOffset from, DateTimeOffset to)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("filters", filters.Select(f => f.Key).ToArray());
        parameters.AddParameter("from", from.ToUnixTimeMilliseconds());
        parameters.AddParameter("to", to.ToUnixTimeMilliseconds());
        return parameters;
    }
}
