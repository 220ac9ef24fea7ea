using System.Diagnostics;
using System.Text;
using Icesco.Insights.Jobs.Reports.Html;
using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Renders a week's data as PDF and HTML in each language asked for.</summary>
public sealed class ReportRenderer : IDisposable
{
    // Loaded once: finding fonts through fontconfig costs more than drawing a page.
    private readonly Lazy<ReportFonts> fonts = new(ReportFonts.Load);

    public IReadOnlyList<ReportFile> Render(ReportData data, IEnumerable<ReportLanguage> languages)
    {
        ArgumentNullException.ThrowIfNull(data);
        var files = new List<ReportFile>();
        foreach (var language in languages)
        {
            var clock = Stopwatch.StartNew();
            var pdf = PdfReportWriter.Write(data, language, fonts.Value);
            files.Add(new ReportFile(data.Week, language.Code, "pdf", pdf.Content, pdf.Pages, data.GeneratedAt, clock.Elapsed));
            clock.Restart();
            var html = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(data, language, fonts.Value));
            files.Add(new ReportFile(data.Week, language.Code, "html", html, 0, data.GeneratedAt, clock.Elapsed));
        }
        return files;
    }

    public void Dispose()
    {
        if (fonts.IsValueCreated)
        {
            fonts.Value.Dispose();
        }
    }
}
