using Icesco.Insights.Jobs.Reports.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Icesco.Insights.Jobs.Reports.Pdf;

/// <summary>Where a line sits relative to the x it is drawn at.</summary>
public enum TextAnchor
{
    Left,
    Right,
    Center,
}

/// <summary>
/// Draws lines shaped by HarfBuzz, run by run (<see cref="BidiRuns"/>), each run in the face for its script
/// (a character that face lacks, such as '(' or '٪', in the other face). Each piece is drawn with its text
/// attached (<see cref="ShapedGlyphs"/>), so extracted text has whole words, marks included.
/// Used for everything the report writes: headings, tables, cards and the charts' texts.
/// </summary>
public sealed class ShapedTextPainter(ReportFonts fonts) : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> shapers = [];

    private sealed record Piece(string Text, bool RightToLeft, SKTypeface Face);

    public float Measure(string line, float size, bool bold, bool rightToLeftParagraph) =>
        Pieces(line, bold, rightToLeftParagraph).Sum(piece => Shape(piece, size).Width);

    /// <summary>Draws <paramref name="line"/> with its baseline at <paramref name="y"/>.</summary>
    public void Draw(SKCanvas canvas, string line, float x, float y, float size, bool bold, SKColor color, TextAnchor anchor, bool rightToLeftParagraph)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var pieces = Pieces(line, bold, rightToLeftParagraph);
        var shapes = pieces.Select(p => Shape(p, size)).ToArray();
        var total = shapes.Sum(s => s.Width);
        var left = anchor switch
        {
            TextAnchor.Right => x - total,
            TextAnchor.Center => x - (total / 2),
            _ => x,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        for (var i = 0; i < pieces.Count; i++)
        {
            using var font = new SKFont(pieces[i].Face, size);
            using var blob = ShapedGlyphs.Blob(shapes[i], pieces[i].Text, pieces[i].RightToLeft, font);
            if (blob is not null)
            {
                canvas.DrawText(blob, left, y, paint);
            }
            left += shapes[i].Width;
        }
    }

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }
        shapers.Clear();
    }

    /// <summary>The line's pieces in visual order: its directional runs, each cut where the face changes.</summary>
    private List<Piece> Pieces(string line, bool bold, bool rightToLeftParagraph)
    {
        var pieces = new List<Piece>();
        foreach (var run in BidiRuns.Split(line, rightToLeftParagraph))
        {
            var preferred = fonts.For(run.RightToLeft, bold);
            var other = fonts.For(!run.RightToLeft, bold);
            var inRun = new List<Piece>();
            foreach (var rune in run.Text.EnumerateRunes())
            {
                var face = preferred.ContainsGlyph(rune.Value) || !other.ContainsGlyph(rune.Value) ? preferred : other;
                if (inRun.Count > 0 && inRun[^1].Face == face)
                {
                    inRun[^1] = inRun[^1] with { Text = inRun[^1].Text + rune };
                }
                else
                {
                    inRun.Add(new Piece(rune.ToString(), run.RightToLeft, face));
                }
            }
            // A right-to-left run's pieces are in logical order; on the page its first piece is rightmost.
            if (run.RightToLeft)
            {
                inRun.Reverse();
            }
            pieces.AddRange(inRun);
        }
        return pieces;
    }

    private SKShaper.Result Shape(Piece piece, float size)
    {
        using var font = new SKFont(piece.Face, size);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(piece.Text);
        buffer.GuessSegmentProperties();
        // The run's direction, not HarfBuzz's guess: "95٪" would be guessed Arabic, hence right to left ("59٪").
        buffer.Direction = piece.RightToLeft ? HarfBuzzSharp.Direction.RightToLeft : HarfBuzzSharp.Direction.LeftToRight;
        return Shaper(piece.Face).Shape(buffer, font);
    }

    private SKShaper Shaper(SKTypeface face)
    {
        if (!shapers.TryGetValue(face, out var shaper))
        {
            shaper = new SKShaper(face);
            shapers[face] = shaper;
        }
        return shaper;
    }
}
