using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>
/// Turns a shaped piece of text into a text blob that carries its text, so the PDF has it as ActualText.
/// Without the text, a reader maps glyphs back one by one, and poppler's <c>pdftotext</c> puts a mark drawn
/// above or below its letter (tanween, shadda, damma) in a word of its own, on a line of its own.
/// </summary>
public static class ShapedGlyphs
{
    /// <summary>The blob of <paramref name="shape"/>, or null for nothing to draw.</summary>
    /// <remarks>
    /// The piece is one cluster. poppler spreads a cluster's characters left to right over the box from its
    /// first glyph to its last, then reads Arabic from the right: so a right-to-left piece's text is given in
    /// visual order, and the glyphs on the baseline that are leftmost and rightmost come first and last (a mark
    /// first would move the box off the line).
    /// </remarks>
    public static SKTextBlob? Blob(SKShaper.Result shape, string text, bool rightToLeft, SKFont font)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(text);
        var count = shape.Codepoints.Length;
        if (count == 0)
        {
            return null;
        }
        var order = GlyphOrder(shape.Points);
        var utf8 = Encoding.UTF8.GetBytes(rightToLeft ? string.Concat(text.EnumerateRunes().Reverse()) : text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, count, utf8.Length, null);
        run.SetGlyphs([.. order.Select(i => (ushort)shape.Codepoints[i])]);
        run.SetPositions([.. order.Select(i => shape.Points[i])]);
        run.SetText(utf8);
        run.SetClusters(new uint[count]);
        return builder.Build();
    }

    /// <summary>Glyph indices: the leftmost glyph on the baseline first, the rightmost last, the rest between.</summary>
    public static IReadOnlyList<int> GlyphOrder(IReadOnlyList<SKPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var onBaseline = Enumerable.Range(0, points.Count).Where(i => points[i].Y == 0).OrderBy(i => points[i].X).ToList();
        if (onBaseline.Count == 0)
        {
            return [.. Enumerable.Range(0, points.Count)];
        }
        var (first, last) = (onBaseline[0], onBaseline[^1]);
        var middle = Enumerable.Range(0, points.Count).Where(i => i != first && i != last);
        return first == last ? [first, .. middle] : [first, .. middle, last];
    }
}
