using System.Globalization;
using System.Text;

namespace Icesco.Insights.Dashboard.Trends;

/// <summary>
/// Trend rows as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read Arabic right). A text cell that starts with
/// <c>= + - @</c>, a tab or a carriage return gets a leading <c>'</c>: spreadsheets would otherwise run it as a
/// formula (CSV injection), and values such as article ids come from outside. Numbers are written by us and are
/// left as numbers, so a negative change stays a number.
/// </summary>
public static class TrendsCsv
{
    private static readonly string[] Header =
        ["kind", "period_start", "dimension", "value", "views", "unique_visitors", "ratings", "mean_rating", "csat", "csat_low", "csat_high", "views_change", "csat_change", "anomaly", "small_sample", "in_progress", "computed_at"];

    public static string Write(IEnumerable<TrendRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                Text(row.Kind), row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(row.Dimension), Text(row.Value),
                Number(row.Views), Number(row.UniqueVisitors), Number(row.Ratings), Number(row.MeanRating), Number(row.Csat),
                Number(row.CsatLow), Number(row.CsatHigh), Number(row.ViewsChange), Number(row.CsatChange), Text(row.Anomaly),
                row.SmallSample ? "true" : "false", row.InProgress ? "true" : "false", row.ComputedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A text cell, defused and quoted as needed.</summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
