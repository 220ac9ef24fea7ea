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
/// Draws lines shaped by HarfBuzz, run by run (<see cref="BidiRuns"/>), each run in the face for its script.
/// Skia's PDF backend then writes the glyphs with a ToUnicode map, so extracted text has whole words.
/// </summary>
public sealed class ShapedTextPainter(ReportFonts fonts) : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> shapers = [];

    public float Measure(string line, float size, bool bold, bool rightToLeftParagraph) =>
        BidiRuns.Split(line, rightToLeftParagraph).Sum(run => Shape(run, size, bold).Width);

    /// <summary>Draws <paramref name="line"/> with its baseline at <paramref name="y"/>.</summary>
    public void Draw(SKCanvas canvas, string line, float x, float y, float size, bool bold, SKColor color, TextAnchor anchor, bool rightToLeftParagraph)
    {
        var runs = BidiRuns.Split(line, rightToLeftParagraph);
        var widths = runs.Select(r => Shape(r, size, bold).Width).ToArray();
        var total = widths.Sum();
        var left = anchor switch
        {
            TextAnchor.Right => x - total,
            TextAnchor.Center => x - (total / 2),
            _ => x,
        };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        for (var i = 0; i < runs.Count; i++)
        {
            var face = fonts.For(runs[i].RightToLeft, bold);
            using var font = new SKFont(face, size);
            canvas.DrawShapedText(Shaper(face), runs[i].Text, left, y, SKTextAlign.Left, font, paint);
            left += widths[i];
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

    private SKShaper.Result Shape(TextRun run, float size, bool bold)
    {
        var face = fonts.For(run.RightToLeft, bold);
        using var font = new SKFont(face, size);
        return Shaper(face).Shape(run.Text, font);
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
