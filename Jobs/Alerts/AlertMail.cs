using System.Globalization;
using System.Net;
using System.Text;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>The e-mail that tells staff about alerts: one per run, listing them all, in HTML and plain text.</summary>
public static class AlertMail
{
    public static string Subject(IReadOnlyList<AlertRecord> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return alerts.Count == 1
            ? $"ICESCO Insights alert: {Line(alerts[0].Alert)}"
            : $"ICESCO Insights: {alerts.Count} alerts";
    }

    public static string Text(IReadOnlyList<AlertRecord> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var text = new StringBuilder("New alerts from the trends of icesco.org:\n\n");
        foreach (var record in alerts)
        {
            text.Append("- ").Append(Line(record.Alert)).Append('\n');
        }
        return text.ToString();
    }

    public static string Html(IReadOnlyList<AlertRecord> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var html = new StringBuilder("<p>New alerts from the trends of icesco.org:</p>\n<table>\n")
            .Append("<tr><th>Alert</th><th>Dimension</th><th>Value</th><th>Period</th><th>Observed</th><th>Usual (median)</th></tr>\n");
        foreach (var record in alerts)
        {
            var alert = record.Alert;
            html.Append("<tr>")
                .Append(Cell(alert.Subject.Kind.ToStored()))
                .Append(Cell(alert.Subject.Dimension))
                .Append(Cell(alert.Subject.Value))
                .Append(Cell(alert.Period.ToString()))
                .Append(Cell(Observed(alert)))
                .Append(Cell(Measure(alert, alert.Baseline)))
                .Append("</tr>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    /// <summary>One alert in words, e.g. <c>spike of topic science, week 2026-03-02: 300 views (usually 100)</c>.</summary>
    public static string Line(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"{alert.Subject.Kind.ToStored()} of {alert.Subject.Dimension} {alert.Subject.Value}, {alert.Period}: " +
               $"{Observed(alert)} (usually {Measure(alert, alert.Baseline)})";
    }

    private static string Observed(Alert alert) => alert.ObservedHigh is { } high
        ? $"{Measure(alert, alert.Observed)} (at most {Measure(alert, high)})"
        : Measure(alert, alert.Observed);

    private static string Measure(Alert alert, double value) => alert.Subject.Kind == AlertKind.SatisfactionDrop
        ? string.Create(CultureInfo.InvariantCulture, $"CSAT {value * 100:0}%")
        : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} views");

    // Values are codes from the events (topic, member state): encoded all the same, since they travel from the website.
    private static string Cell(string value) => $"<td>{WebUtility.HtmlEncode(value)}</td>";
}
