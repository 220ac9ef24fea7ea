using System.Data.Common;
using System.Globalization;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>Values of the driver's reader in the shapes Explore's results hold.</summary>
internal static class ReaderValues
{
    /// <summary>An <c>Array(String)</c> or <c>Array(LowCardinality(String))</c> column (the driver returns either shape).</summary>
    public static string[] Strings(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string[] s => s,
        IEnumerable<object> o => [.. o.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "")],
        _ => [],
    };
}
