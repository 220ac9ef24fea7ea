using Icesco.Insights.Panels;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>
/// Headline figures: each shown column of the first row as a card, with the <c>change</c> column after it
/// as its week-over-week change. Cards run in reading order (right to left in Arabic).
/// </summary>
public sealed class FiguresBlock(PanelDefinition panel, PanelData data) : PdfBlock
{
    private const float CardHeight = 64;
    private const float Gap = 8;

    /// <summary>(title, value, change or null) per card; pure, shared with the HTML report.</summary>
    public static IReadOnlyList<(string Title, string Value, string? Change)> Cards(PanelDefinition panel, PanelData data, CellFormatter formatter)
    {
        if (data.Rows.Count == 0)
        {
            return [];
        }
        var row = data.Rows[0];
        var cards = new List<(string, string, string?)>();
        for (var i = 0; i < panel.Columns.Count; i++)
        {
            var column = panel.Columns[i];
            if (column.Format is "change" or "hidden")
            {
                continue;
            }
            var next = i + 1 < panel.Columns.Count && panel.Columns[i + 1].Format == "change" ? panel.Columns[i + 1] : null;
            cards.Add((column.Title?.In(formatter.Language.Code) ?? column.Name, formatter.Format(data, row, column),
                next is null ? null : formatter.Format(data, row, next)));
        }
        return cards;
    }

    public override BlockSize Size(PdfContext context) => new(CardHeight + 12);

    public override void Draw(SKCanvas canvas, PdfContext context, float x, float y)
    {
        var cards = Cards(panel, data, context.Formatter);
        if (cards.Count == 0)
        {
            return;
        }
        var width = (context.Width - (Gap * (cards.Count - 1))) / cards.Count;
        using var fill = new SKPaint { Color = new SKColor(0xF1, 0xF5, 0xF9), IsAntialias = true };
        for (var i = 0; i < cards.Count; i++)
        {
            var slot = context.RightToLeft ? cards.Count - 1 - i : i;
            var left = x + (slot * (width + Gap));
            canvas.DrawRoundRect(new SKRect(left, y, left + width, y + CardHeight), 4, 4, fill);
            var (title, value, change) = cards[i];
            var inner = width - 12;
            context.Line(canvas, title, left + 6, y + 15, inner, 8, color: SKColors.DimGray);
            context.Line(canvas, value, left + 6, y + 38, inner, 17, bold: true);
            if (change is not null)
            {
                var color = change.StartsWith('+') ? new SKColor(0x15, 0x80, 0x3D) : change.StartsWith('-') ? new SKColor(0xB9, 0x1C, 0x1C) : SKColors.DimGray;
                context.Line(canvas, change, left + 6, y + 55, inner, 8, color: color);
            }
        }
    }
}
