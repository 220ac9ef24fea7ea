using Icesco.Insights.Jobs.Reports.Text;
using Icesco.Insights.Panels;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>A rendered PDF and its page count.</summary>
public sealed record PdfReport(byte[] Content, int Pages);

/// <summary>
/// Writes the report as a PDF with SkiaSharp's own PDF backend: text shaped by HarfBuzz (Arabic joined,
/// right to left, extractable as words), charts drawn by ScottPlot into the same canvas as vectors.
/// A4; blocks are measured, laid out on pages, then drawn, so every page knows the page count.
/// </summary>
public static class PdfReportWriter
{
    private const float PageWidth = 595;   // A4 in points
    private const float PageHeight = 842;
    private const float Margin = 42;
    private const float FooterRoom = 30;

    public static PdfReport Write(ReportData report, ReportLanguage language, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(language);
        using var painter = new ShapedTextPainter(fonts);
        var context = new PdfContext(painter, new CellFormatter(language, report.Labels), PageWidth - (2 * Margin));
        var blocks = Blocks(report, language);
        var pages = PageLayout.Paginate([.. blocks.Select(b => b.Size(context))], PageHeight - (2 * Margin) - FooterRoom);
        var pageCount = pages.Count == 0 ? 1 : pages[^1] + 1;
        var text = ReportText.For(language);

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"{text.Title} — {report.Week}",
            Author = "ICESCO Insights",
            Creator = "Icesco.Insights.Jobs",
            Creation = report.GeneratedAt.UtcDateTime,
            Modified = report.GeneratedAt.UtcDateTime,
        }))
        {
            var index = 0;
            for (var page = 0; page < pageCount; page++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                var y = Margin;
                for (; index < blocks.Count && pages[index] == page; index++)
                {
                    blocks[index].Draw(canvas, context, Margin, y);
                    y += blocks[index].Size(context).Height;
                }
                painter.Draw(canvas, string.Format(language.Culture, text.Page, page + 1, pageCount) + " · " + report.Week,
                    PageWidth / 2, PageHeight - (Margin / 2), 8, false, SKColors.Gray, TextAnchor.Center, language.RightToLeft);
                document.EndPage();
            }
            document.Close();
        }
        return new PdfReport(stream.ToArray(), pageCount);
    }

    private static List<PdfBlock> Blocks(ReportData report, ReportLanguage language)
    {
        var heading = report.Heading(language);
        var navy = new SKColor(0x0B, 0x3B, 0x60);
        var blocks = new List<PdfBlock>
        {
            new TextBlock(heading[0], 20, bold: true, color: navy),
            new TextBlock(heading[1], 12),
            new TextBlock(heading[2], 8.5f, color: SKColors.Gray, spaceAfter: 16),
        };
        foreach (var section in report.Sections)
        {
            blocks.Add(new TextBlock(section.Panel.Title.In(language.Code), 13, bold: true, color: navy, keepWithNext: true, spaceAfter: 4));
            blocks.Add(Body(section, language));
        }
        return blocks;
    }

    private static PdfBlock Body(ReportSection section, ReportLanguage language)
    {
        if (section.Data.Rows.Count == 0)
        {
            return new TextBlock(ReportText.For(language).NoData, 9, color: SKColors.Gray, spaceAfter: 14);
        }
        return section.Panel.Chart.Kind switch
        {
            PanelChartKinds.Figures => new FiguresBlock(section.Panel, section.Data),
            PanelChartKinds.Table => new TableBlock(section.Panel, section.Data),
            _ => new ChartBlock(section.Panel, section.Data),
        };
    }
}
