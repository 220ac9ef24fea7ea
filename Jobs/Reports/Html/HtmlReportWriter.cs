using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Icesco.Insights.Jobs.Reports.Charts;
using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;
using Icesco.Insights.Panels;

namespace Icesco.Insights.Jobs.Reports.Html;

/// <summary>
/// Writes the report as one self-contained HTML page (charts as embedded PNG, no external resources), for
/// the browser and the e-mail body. Every value, title and comment is HTML-encoded: comments are readers' text.
/// </summary>
public static class HtmlReportWriter
{
    private const int ChartWidth = 900;

    public static string Write(ReportData report, ReportLanguage language, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(language);
        var formatter = new CellFormatter(language, report.Labels);
        using var painter = new ShapedTextPainter(fonts);
        var encode = HtmlEncoder.Default;
        var heading = report.Heading(language);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{language.Code}\" dir=\"{(language.RightToLeft ? "rtl" : "ltr")}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{encode.Encode(heading[0])} — {report.Week}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>{encode.Encode(heading[0])}</h1><p class=\"week\">{encode.Encode(heading[1])}</p><p class=\"generated\">{encode.Encode(heading[2])}</p></header>\n");
        foreach (var section in report.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{section.Panel.Id}\">\n<h2>{encode.Encode(section.Panel.Title.In(language.Code))}</h2>\n");
            if (section.Data.Rows.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\">{encode.Encode(ReportText.For(language).NoData)}</p>\n");
            }
            else
            {
                html.Append(section.Panel.Chart.Kind switch
                {
                    PanelChartKinds.Figures => Figures(section, formatter, encode),
                    PanelChartKinds.Table => Table(section, formatter, encode),
                    _ => Chart(section, formatter, painter, encode, language),
                });
            }
            html.Append("</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Figures(ReportSection section, CellFormatter formatter, HtmlEncoder encode)
    {
        var html = new StringBuilder("<div class=\"figures\">\n");
        foreach (var (title, value, change) in FiguresBlock.Cards(section.Panel, section.Data, formatter))
        {
            var trend = change is null ? "" : change.StartsWith('+') ? "up" : change.StartsWith('-') ? "down" : "flat";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"label\">{encode.Encode(title)}</div><div class=\"value\">{encode.Encode(value)}</div>");
            if (change is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"change {trend}\">{encode.Encode(change)} {encode.Encode(ReportText.For(formatter.Language).VersusPreviousWeek)}</div>");
            }
            html.Append("</div>\n");
        }
        return html.Append("</div>\n").ToString();
    }

    private static string Table(ReportSection section, CellFormatter formatter, HtmlEncoder encode)
    {
        var columns = section.Panel.Columns.Where(c => c.Format != "hidden").ToList();
        var html = new StringBuilder("<table>\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{encode.Encode(column.Title?.In(formatter.Language.Code) ?? column.Name)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in section.Data.Rows)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{column.Format}\" dir=\"auto\">{encode.Encode(formatter.Format(section.Data, row, column))}</td>");
            }
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Chart(ReportSection section, CellFormatter formatter, ShapedTextPainter painter, HtmlEncoder encode, ReportLanguage language)
    {
        var png = ChartImage.Png(ReportChart.Build(section.Panel, section.Data, formatter), painter);
        var alt = encode.Encode(section.Panel.Title.In(language.Code));
        return $"<img class=\"chart\" width=\"{ChartWidth}\" alt=\"{alt}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">\n";
    }

    private const string Style =
        "body{font-family:'Noto Sans','Noto Sans Arabic',Arial,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#0f172a}" +
        "h1{color:#0b3b60;margin-bottom:.2rem}h2{color:#0b3b60;margin-top:2rem;border-bottom:1px solid #cbd5e1;padding-bottom:.2rem}" +
        ".week{font-size:1.1rem;margin:.2rem 0}.generated,.empty{color:#64748b;font-size:.85rem}" +
        ".figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.6rem}" +
        ".figure{background:#f1f5f9;border-radius:6px;padding:.6rem .8rem}.label{color:#475569;font-size:.8rem}.value{font-size:1.6rem;font-weight:700}" +
        ".change{font-size:.8rem}.up{color:#15803d}.down{color:#b91c1c}.flat{color:#475569}" +
        "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #e2e8f0;vertical-align:top}" +
        "tbody tr:nth-child(even){background:#f8fafc}.chart{max-width:100%;height:auto}";
}
