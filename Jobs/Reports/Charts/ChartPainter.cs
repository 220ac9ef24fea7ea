using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;
using ScottPlot;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>
/// Draws a <see cref="ChartFigure"/> into a canvas: ScottPlot draws the plot inside margins measured from
/// the tick labels, then every text (tick labels, legend) is drawn by <see cref="ShapedTextPainter"/>, shaped
/// and in reading order like the headings, at the positions ScottPlot computed. Units are the canvas's (points in the PDF).
/// </summary>
public static class ChartPainter
{
    private const float TickSize = 8;
    private const float TickLine = TickSize * 1.3f;
    private const float LegendSize = 8.5f;
    private const float LegendLine = LegendSize * 1.35f;
    private const float Swatch = 16;
    private const float SwatchGap = 4;
    private const float ColumnGap = 14;
    private const float LegendTop = 8;

    /// <summary>The height the legend takes under the plot at <paramref name="width"/> (0 without a legend).</summary>
    public static float LegendHeight(ChartFigure figure, ShapedTextPainter text, float width)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var (grid, names) = Legend(figure, text, width);
        return grid.Rows == 0 ? 0 : LegendTop + Enumerable.Range(0, grid.Rows).Sum(row => RowHeight(grid, names, row));
    }

    public static void Draw(SKCanvas canvas, ChartFigure figure, ShapedTextPainter text, float width, float height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(text);
        var plot = figure.Plot;
        var plotHeight = height - LegendHeight(figure, text, width);

        // ScottPlot places the value ticks once it knows the data area: a first pass finds them, the second
        // is drawn with margins that fit their labels.
        plot.Layout.Fixed(new PixelPadding(48, 12, 30, 8));
        using (var recorder = new SKPictureRecorder())
        {
            plot.Render(recorder.BeginRecording(new SKRect(0, 0, width, plotHeight)), (int)width, (int)plotHeight);
            using var _ = recorder.EndRecording();
        }
        var left = Math.Min(width * 0.3f, Ticks(plot.Axes.Left).Select(t => Measure(text, figure, t.Label)).DefaultIfEmpty(0).Max());
        var slot = CategorySlot(plot, width - left - 20);
        var bottomLines = Ticks(plot.Axes.Bottom).Select(t => Wrap(text, figure, t.Label, slot).Count).DefaultIfEmpty(1).Max();
        plot.Layout.Fixed(new PixelPadding(left + 10, 12, (bottomLines * TickLine) + 10, 8));

        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, width, plotHeight));
        plot.Render(canvas, (int)width, (int)plotHeight);
        canvas.Restore();

        var area = plot.LastRender.DataRect;
        foreach (var tick in Ticks(plot.Axes.Bottom))
        {
            var x = plot.GetPixel(new Coordinates(tick.Position, 0)).X;
            var baseline = area.Bottom + 4 + TickSize;
            foreach (var line in Wrap(text, figure, tick.Label, CategorySlot(plot, area.Width)))
            {
                text.Draw(canvas, line, x, baseline, TickSize, false, SKColors.Black, TextAnchor.Center, figure.RightToLeft);
                baseline += TickLine;
            }
        }
        foreach (var tick in Ticks(plot.Axes.Left))
        {
            var y = plot.GetPixel(new Coordinates(0, tick.Position)).Y;
            var lines = Wrap(text, figure, tick.Label, left);
            var baseline = y - (lines.Count * TickLine / 2) + (TickSize * 0.9f);
            foreach (var line in lines)
            {
                text.Draw(canvas, line, area.Left - 5, baseline, TickSize, false, SKColors.Black, TextAnchor.Right, figure.RightToLeft);
                baseline += TickLine;
            }
        }
        DrawLegend(canvas, figure, text, width, plotHeight + LegendTop);
    }

    private static void DrawLegend(SKCanvas canvas, ChartFigure figure, ShapedTextPainter text, float width, float top)
    {
        var (grid, names) = Legend(figure, text, width);
        using var stroke = new SKPaint { StrokeWidth = 2, IsAntialias = true };
        var rowTop = top;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var i = row * grid.Columns; i < Math.Min(names.Count, (row + 1) * grid.Columns); i++)
            {
                var column = grid.Cell(i).Column;
                // Reading order: the first column is on the right in Arabic, the swatch before the name.
                var start = figure.RightToLeft ? width - (column * (grid.ColumnWidth + ColumnGap)) : column * (grid.ColumnWidth + ColumnGap);
                var sign = figure.RightToLeft ? -1 : 1;
                stroke.Color = figure.Legend[i].Color;
                var middle = rowTop + (LegendLine / 2);
                canvas.DrawLine(start, middle, start + (sign * Swatch), middle, stroke);
                var baseline = rowTop + (LegendSize * 0.95f);
                foreach (var line in names[i])
                {
                    text.Draw(canvas, line, start + (sign * (Swatch + SwatchGap)), baseline, LegendSize, false, SKColors.Black,
                        figure.RightToLeft ? TextAnchor.Right : TextAnchor.Left, figure.RightToLeft);
                    baseline += LegendLine;
                }
            }
            rowTop += RowHeight(grid, names, row);
        }
    }

    private static (LegendGrid Grid, IReadOnlyList<IReadOnlyList<string>> Names) Legend(ChartFigure figure, ShapedTextPainter text, float width)
    {
        var widths = figure.Legend.Select(e => Swatch + SwatchGap + text.Measure(e.Name, LegendSize, false, figure.RightToLeft)).ToList();
        var grid = ChartLegend.Arrange(widths, width, ColumnGap);
        var room = grid.ColumnWidth - Swatch - SwatchGap;
        return (grid, [.. figure.Legend.Select(e => LineBreaker.Break(e.Name, room, s => text.Measure(s, LegendSize, false, figure.RightToLeft)))]);
    }

    private static float RowHeight(LegendGrid grid, IReadOnlyList<IReadOnlyList<string>> names, int row) =>
        (names.Skip(row * grid.Columns).Take(grid.Columns).Max(n => n.Count) * LegendLine) + 4;

    private static IEnumerable<Tick> Ticks(IAxis axis) =>
        axis.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label));

    /// <summary>The room a bottom tick label has: the space between two ticks, less a gap.</summary>
    private static float CategorySlot(Plot plot, float width) =>
        Math.Max(20, (width / Math.Max(1, Ticks(plot.Axes.Bottom).Count())) - 4);

    private static float Measure(ShapedTextPainter text, ChartFigure figure, string label) =>
        text.Measure(label, TickSize, false, figure.RightToLeft);

    private static IReadOnlyList<string> Wrap(ShapedTextPainter text, ChartFigure figure, string label, float width) =>
        LineBreaker.Break(label, width, s => Measure(text, figure, s), maxLines: 3);
}
