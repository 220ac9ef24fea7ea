using System.Globalization;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>A language a report is written in: its culture for numbers and dates, and its direction.</summary>
public sealed record ReportLanguage(string Code, CultureInfo Culture, bool RightToLeft)
{
    // ar-MA: Gregorian calendar and Western digits, as at ICESCO's headquarters in Rabat (ar-SA would use Hijri dates).
    public static readonly ReportLanguage Arabic = new("ar", CultureInfo.GetCultureInfo("ar-MA"), true);
    public static readonly ReportLanguage English = new("en", CultureInfo.GetCultureInfo("en-GB"), false);
    public static readonly ReportLanguage French = new("fr", CultureInfo.GetCultureInfo("fr-FR"), false);

    public static IReadOnlyList<ReportLanguage> All { get; } = [Arabic, English, French];

    /// <summary>The language with <paramref name="code"/> (<c>ar</c>, <c>en</c>, <c>fr</c>), or null.</summary>
    public static ReportLanguage? Find(string code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
}
