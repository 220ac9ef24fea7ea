using Icesco.Insights.Panels;
using Icesco.Insights.Jobs.Reports.Charts;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>What every block of a page knows: the painter, the language, the width it has.</summary>
public sealed record PdfContext(ShapedTextPainter Text, CellFormatter Formatter, float Width)
{
    public bool RightToLeft => Formatter.Language.RightToLeft;

    /// <summary>Draws a line at the reading start of the box [x, x + width] (left, or right in Arabic).</summary>
    public void Line(SKCanvas canvas, string text, float x, float y, float width, float size, bool bold = false, SKColor? color = null) =>
        Text.Draw(canvas, text, RightToLeft ? x + width : x, y, size, bold, color ?? SKColors.Black,
            RightToLeft ? TextAnchor.Right : TextAnchor.Left, RightToLeft);
}

/// <summary>One piece of a report page, measured before it is drawn so pages can be laid out first.</summary>
public abstract class PdfBlock
{
    public abstract BlockSize Size(PdfContext context);

    public abstract void Draw(SKCanvas canvas, PdfContext context, float x, float y);
}

/// <summary>Lines of text, one size, wrapped to the width.</summary>
public sealed class TextBlock(string text, float size, bool bold = false, SKColor? color = null, bool keepWithNext = false, float spaceAfter = 6) : PdfBlock
{
    private IReadOnlyList<string> Lines(PdfContext c) =>
        Text.LineBreaker.Break(text, c.Width, s => c.Text.Measure(s, size, bold, c.RightToLeft));

    public override BlockSize Size(PdfContext context) => new((Lines(context).Count * size * 1.45f) + spaceAfter, keepWithNext);

    public override void Draw(SKCanvas canvas, PdfContext context, float x, float y)
    {
        var baseline = y + size;
        foreach (var line in Lines(context))
        {
            context.Line(canvas, line, x, baseline, context.Width, size, bold, color);
            baseline += size * 1.45f;
        }
    }
}

/// <summary>A chart drawn into the page as vectors, its legend under it, every text shaped by the report's painter.</summary>
public sealed class ChartBlock(PanelDefinition panel, PanelData data) : PdfBlock
{
    private const float PlotHeight = 230;

    public override BlockSize Size(PdfContext context) =>
        new(PlotHeight + ChartPainter.LegendHeight(ReportChart.Build(panel, data, context.Formatter), context.Text, context.Width) + 14);

    public override void Draw(SKCanvas canvas, PdfContext context, float x, float y)
    {
        var figure = ReportChart.Build(panel, data, context.Formatter);
        canvas.Save();
        canvas.Translate(x, y);
        ChartPainter.Draw(canvas, figure, context.Text, context.Width, PlotHeight + ChartPainter.LegendHeight(figure, context.Text, context.Width));
        canvas.Restore();
    }
}
