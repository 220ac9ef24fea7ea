using System.Globalization;
using System.Text;
using Icesco.Insights.Dashboard.Trends;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>The explorer's answers as CSV (UTF-8 with a BOM; every text cell through <see cref="TrendsCsv.Text"/>, the formula guard).</summary>
public static class FeedbackCsv
{
    public static byte[] Write(IEnumerable<FeedbackItem> items)
    {
        var csv = new StringBuilder("time_utc,rating,scale,comment,article_id,title,topic,language,country,member_states,device,source,reviewed_by,reviewed_at_utc\r\n");
        foreach (var i in items)
        {
            var title = i.Article is null ? "" : i.Language switch { "ar" => i.Article.Ar, "fr" => i.Article.Fr, _ => i.Article.En };
            csv.AppendJoin(',', [
                Time(i.Time), N(i.Rating), N(i.Scale), TrendsCsv.Text(i.Comment), TrendsCsv.Text(i.ArticleId), TrendsCsv.Text(title),
                TrendsCsv.Text(i.Topic), TrendsCsv.Text(i.Language), TrendsCsv.Text(i.Country), TrendsCsv.Text(string.Join(' ', i.MemberStates)),
                TrendsCsv.Text(i.Device), TrendsCsv.Text(i.Source), TrendsCsv.Text(i.Review?.By ?? ""), i.Review is null ? "" : Time(i.Review.At)]).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
