using Icesco.Insights.Jobs.Reports.Pdf;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>A chart as a PNG for the HTML report: the same drawing as the PDF's, at twice its size for sharp screens.</summary>
public static class ChartImage
{
    /// <summary>The chart's width in the report's units (as on the A4 page), before the scale.</summary>
    public const float Width = 510;
    private const float PlotHeight = 230;
    private const float Scale = 2;

    public static byte[] Png(ChartFigure figure, ShapedTextPainter text)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var height = PlotHeight + ChartPainter.LegendHeight(figure, text, Width);
        using var surface = SKSurface.Create(new SKImageInfo((int)(Width * Scale), (int)Math.Ceiling(height * Scale)));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(Scale);
        ChartPainter.Draw(surface.Canvas, figure, text, Width, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
