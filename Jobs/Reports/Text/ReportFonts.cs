using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Text;

/// <summary>
/// The typefaces reports are set in: Noto Sans for Latin text and numbers, Noto Sans Arabic for Arabic
/// (Debian's <c>fonts-noto-core</c>). Without them Arabic would come out as boxes, so a missing font
/// stops the report with the package to install rather than producing an unreadable PDF.
/// </summary>
public sealed class ReportFonts : IDisposable
{
    public const string LatinFamily = "Noto Sans";
    public const string ArabicFamily = "Noto Sans Arabic";

    private ReportFonts(SKTypeface latin, SKTypeface latinBold, SKTypeface arabic, SKTypeface arabicBold)
    {
        Latin = latin;
        LatinBold = latinBold;
        Arabic = arabic;
        ArabicBold = arabicBold;
    }

    public SKTypeface Latin { get; }

    public SKTypeface LatinBold { get; }

    public SKTypeface Arabic { get; }

    public SKTypeface ArabicBold { get; }

    /// <summary>Finds the four faces through the system's font configuration.</summary>
    public static ReportFonts Load() => new(
        Find(LatinFamily, SKFontStyle.Normal), Find(LatinFamily, SKFontStyle.Bold),
        Find(ArabicFamily, SKFontStyle.Normal), Find(ArabicFamily, SKFontStyle.Bold));

    /// <summary>The face for a run: Arabic for right-to-left text, Latin otherwise.</summary>
    public SKTypeface For(bool rightToLeft, bool bold) => rightToLeft ? (bold ? ArabicBold : Arabic) : (bold ? LatinBold : Latin);

    public void Dispose()
    {
        Latin.Dispose();
        LatinBold.Dispose();
        Arabic.Dispose();
        ArabicBold.Dispose();
    }

    private static SKTypeface Find(string family, SKFontStyle style)
    {
        var face = SKFontManager.Default.MatchFamily(family, style);
        // Font configuration substitutes a fallback for a missing family; only the real one shapes Arabic.
        if (face is null || !string.Equals(face.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            face?.Dispose();
            throw new InvalidOperationException(
                $"The font '{family}' is not installed; reports need it (Debian: apt-get install fonts-noto-core).");
        }
        return face;
    }
}
