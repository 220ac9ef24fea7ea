using Icesco.Insights.Jobs.Reports.Text;
using Icesco.Insights.Panels;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>A panel's rows as a table; long cells (titles, comments) wrap to three lines. Columns run in reading order.</summary>
public sealed class TableBlock(PanelDefinition panel, PanelData data) : PdfBlock
{
    private const float Size8 = 8.5f;
    private const float LineHeight = Size8 * 1.4f;
    private const float Padding = 4;
    private const int MaxLines = 3;

    private IReadOnlyList<PanelColumn> Shown => [.. panel.Columns.Where(c => c.Format != "hidden")];

    /// <summary>Relative widths: names and text get room, numbers little. Pure, so layout is testable.</summary>
    public static IReadOnlyList<float> ColumnWidths(IReadOnlyList<PanelColumn> columns, float width)
    {
        var weights = columns.Select(c => c.Format switch
        {
            "text" or "article" => c.Name == "comment" || c.Format == "article" ? 5f : 1.2f,
            "topic" or "member_state" or "country" or "subject" => 2.2f,
            _ => 1f,
        }).ToArray();
        var total = weights.Sum();
        return [.. weights.Select(w => width * w / total)];
    }

    private List<IReadOnlyList<IReadOnlyList<string>>> Cells(PdfContext c)
    {
        var columns = Shown;
        var widths = ColumnWidths(columns, c.Width);
        var rows = new List<IReadOnlyList<IReadOnlyList<string>>>
        {
            columns.Select((col, i) => Wrap(c, col.Title?.In(c.Formatter.Language.Code) ?? col.Name, widths[i], bold: true)).ToList(),
        };
        rows.AddRange(data.Rows.Select(row => (IReadOnlyList<IReadOnlyList<string>>)
            columns.Select((col, i) => Wrap(c, c.Formatter.Format(data, row, col), widths[i], bold: false)).ToList()));
        return rows;
    }

    private static IReadOnlyList<string> Wrap(PdfContext c, string text, float width, bool bold) =>
        LineBreaker.Break(text, width - (2 * Padding), s => c.Text.Measure(s, Size8, bold, c.RightToLeft), MaxLines);

    private static float RowHeight(IReadOnlyList<IReadOnlyList<string>> row) => (row.Max(cell => cell.Count) * LineHeight) + (2 * Padding);

    public override BlockSize Size(PdfContext context) => new(Cells(context).Sum(RowHeight) + 10);

    public override void Draw(SKCanvas canvas, PdfContext context, float x, float y)
    {
        var widths = ColumnWidths(Shown, context.Width);
        using var rule = new SKPaint { Color = new SKColor(0xCB, 0xD5, 0xE1), StrokeWidth = 0.6f, IsAntialias = true };
        using var band = new SKPaint { Color = new SKColor(0xF8, 0xFA, 0xFC) };
        var top = y;
        var cells = Cells(context);
        for (var r = 0; r < cells.Count; r++)
        {
            var height = RowHeight(cells[r]);
            if (r > 0 && r % 2 == 0)
            {
                canvas.DrawRect(new SKRect(x, top, x + context.Width, top + height), band);
            }
            var left = context.RightToLeft ? x + context.Width : x;
            for (var col = 0; col < cells[r].Count; col++)
            {
                var cellLeft = context.RightToLeft ? left - widths[col] : left;
                var baseline = top + Padding + Size8;
                foreach (var line in cells[r][col])
                {
                    context.Line(canvas, line, cellLeft + Padding, baseline, widths[col] - (2 * Padding), Size8, bold: r == 0);
                    baseline += LineHeight;
                }
                left = context.RightToLeft ? left - widths[col] : left + widths[col];
            }
            top += height;
            canvas.DrawLine(x, top, x + context.Width, top, rule);
        }
    }
}
