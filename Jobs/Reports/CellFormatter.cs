using System.Globalization;
using Icesco.Insights.Panels;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Turns a panel cell into the text a reader sees, by the column's format, in one language.</summary>
public sealed class CellFormatter(ReportLanguage language, ReportLabels labels)
{
    private readonly ReportText text = ReportText.For(language);

    public ReportLanguage Language => language;

    /// <summary>
    /// The text of <paramref name="column"/> in <paramref name="row"/> of <paramref name="data"/>;
    /// the row is needed where a value is named by another column (<c>subject</c> by <c>dimension</c>).
    /// </summary>
    public string Format(PanelData data, object?[] row, PanelColumn column)
    {
        var value = row[data.IndexOf(column.Name)];
        if (column.Format == "subject")
        {
            var dimension = data.Columns.Contains("dimension") ? row[data.IndexOf("dimension")] as string : null;
            return Subject(dimension ?? "", value as string ?? "");
        }
        return Format(value, column.Format);
    }

    /// <summary>One value in one format; null (no data, or no previous period for a change) is a dash.</summary>
    public string Format(object? value, string format)
    {
        if (value is null)
        {
            return "—";
        }
        var culture = language.Culture;
        var code = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return format switch
        {
            "integer" => Number(value).ToString("N0", culture),
            "decimal" => Number(value).ToString("N1", culture),
            "percent" => Number(value).ToString("P0", culture),
            "change" => Change(Number(value)),
            "date" => Date(value),
            "topic" => code.Length == 0 || code == "unknown" ? text.Unknown : labels.Topic(code, language.Code),
            "member_state" => labels.MemberState(code, language.Code),
            "country" => code.Length == 0 ? text.Unknown : ReportLabels.Country(code, language.Code),
            "language" => text.Languages.TryGetValue(code, out var name) ? name : code,
            "article" => code == "unknown" ? text.Unknown : labels.Article(code, language.Code),
            "dimension" => text.Dimensions.TryGetValue(code, out var dimension) ? dimension : code,
            "anomaly" => text.Anomalies.TryGetValue(code, out var anomaly) ? anomaly : code,
            "rating" => Answer(Number(value)),
            _ => code,
        };
    }

    /// <summary>A value named by its dimension: a topic's name, a country's, a language's.</summary>
    public string Subject(string dimension, string value) => dimension switch
    {
        "topic" or "member_state" or "country" or "language" or "article" => Format(value, dimension),
        _ => value,
    };

    private string Change(double change)
    {
        // A sign on increases too: "+12 %" reads as growth where "12 %" could be a level. ASCII minus:
        // Debian's Noto Sans has no U+2212, which the PDF would show as a box.
        var formatted = Math.Abs(change).ToString("P0", language.Culture);
        return change > 0 ? "+" + formatted : change < 0 ? "-" + formatted : formatted;
    }

    private string Date(object value)
    {
        var date = value switch
        {
            DateTime d => d,
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            _ => DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
        return date.ToString("d MMM", language.Culture);
    }

    private string Answer(double answer)
    {
        var index = (int)Math.Round(answer) - 1;
        return index >= 0 && index < text.Answers.Count ? text.Answers[index] : answer.ToString(language.Culture);
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
