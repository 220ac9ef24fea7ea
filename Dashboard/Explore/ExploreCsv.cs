using System.Globalization;
using System.Text;
using Icesco.Insights.Dashboard.Trends;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>Explore answers as CSV, with the trends' rules (UTF-8 with a BOM, formula cells defused: <see cref="TrendsCsv.Text"/>).</summary>
public static class ExploreCsv
{
    public static byte[] Breakdown(string dimension, IEnumerable<ExploreBreakdownRow> rows)
    {
        var csv = new StringBuilder("dimension,value,views,ratings,csat,csat_low,csat_high,ratings_per_1000_views,small_sample,previous_views,previous_ratings,previous_csat,views_change,csat_change\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', [
                TrendsCsv.Text(dimension), TrendsCsv.Text(r.Value), N(r.Current.Views), N(r.Current.Ratings),
                N(r.Current.Csat), N(r.Current.CsatLow), N(r.Current.CsatHigh), N(r.Current.RatingsPerThousandViews), r.Current.SmallSample ? "true" : "false",
                N(r.Previous.Views), N(r.Previous.Ratings), N(r.Previous.Csat), N(r.ViewsChange), N(r.CsatChange)]).Append("\r\n");
        }
        return Bytes(csv);
    }

    public static byte[] Series(IEnumerable<ExplorePoint> points)
    {
        var csv = new StringBuilder("bucket_start_local,bucket_start_utc,views,ratings,csat,previous_views,previous_ratings\r\n");
        foreach (var p in points)
        {
            csv.AppendJoin(',', [p.Label, p.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                N(p.Views), N(p.Ratings), N(p.Csat), N(p.PreviousViews), N(p.PreviousRatings)]).Append("\r\n");
        }
        return Bytes(csv);
    }

    private static byte[] Bytes(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
