using System.Globalization;
using System.Net;
using System.Text;
using Icesco.Insights.Jobs.Reports;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// The e-mail that tells staff about alerts: one per run, listing them all, in HTML and plain text, in English. Topics
/// and member states by their names from the reference tables (<see cref="ReportLabels"/>); an unknown code as itself.
/// </summary>
public static class AlertMail
{
    private const string Language = "en";

    public static string Subject(IReadOnlyList<AlertRecord> alerts, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return alerts.Count == 1
            ? $"ICESCO Insights alert: {Line(alerts[0].Alert, labels)}"
            : $"ICESCO Insights: {alerts.Count} alerts";
    }

    public static string Text(IReadOnlyList<AlertRecord> alerts, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var text = new StringBuilder("New alerts from the trends of icesco.org:\n\n");
        foreach (var record in alerts)
        {
            text.Append("- ").Append(Line(record.Alert, labels)).Append('\n');
        }
        return text.ToString();
    }

    public static string Html(IReadOnlyList<AlertRecord> alerts, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var html = new StringBuilder("<p>New alerts from the trends of icesco.org:</p>\n<table>\n")
            .Append("<tr><th>Alert</th><th>Of</th><th>Name</th><th>Period</th><th>Observed</th><th>Usual (median)</th></tr>\n");
        foreach (var record in alerts)
        {
            var alert = record.Alert;
            html.Append("<tr>")
                .Append(Cell(alert.Subject.Kind.ToStored()))
                .Append(Cell(DimensionName(alert.Subject)))
                .Append(Cell(SubjectName(alert.Subject, labels)))
                .Append(Cell(alert.Period.ToString()))
                .Append(Cell(Observed(alert)))
                .Append(Cell(Measure(alert, alert.Baseline)))
                .Append("</tr>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    /// <summary>One alert in words, e.g. <c>spike of topic Culture, week 2026-03-02: 300 views (usually 100 views)</c>.</summary>
    public static string Line(Alert alert, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"{alert.Subject.Kind.ToStored()} of {DimensionName(alert.Subject)} {SubjectName(alert.Subject, labels)}, {alert.Period}: " +
               $"{Observed(alert)} (usually {Measure(alert, alert.Baseline)})";
    }

    private static string DimensionName(AlertSubject subject) => subject.Dimension.Replace('_', ' ');

    private static string SubjectName(AlertSubject subject, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return subject.Dimension switch
        {
            "topic" => labels.Topic(subject.Value, Language),
            "member_state" => labels.MemberState(subject.Value, Language),
            _ => subject.Value,
        };
    }

    private static string Observed(Alert alert) => alert.ObservedHigh is { } high
        ? $"{Measure(alert, alert.Observed)} (at most {Measure(alert, high)})"
        : Measure(alert, alert.Observed);

    private static string Measure(Alert alert, double value) => alert.Subject.Kind == AlertKind.SatisfactionDrop
        ? string.Create(CultureInfo.InvariantCulture, $"CSAT {value * 100:0}%")
        : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} views");

    // Names come from operator-editable tables and unknown codes from the website's events: encoded all the same.
    private static string Cell(string value) => $"<td>{WebUtility.HtmlEncode(value)}</td>";
}
