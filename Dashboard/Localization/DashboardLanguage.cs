using System.Globalization;

namespace Icesco.Insights.Dashboard.Localization;

/// <summary>
/// A language the Dashboard speaks: its code (<c>ar</c>, <c>en</c>, <c>fr</c>), the culture of its numbers and
/// dates, and its direction. The same cultures as the weekly report, so the screen and the PDF agree.
/// </summary>
public sealed record DashboardLanguage(string Code, CultureInfo Culture, bool RightToLeft, string Name)
{
    // ar-MA: Gregorian calendar and Western digits, as at ICESCO's headquarters in Rabat (ar-SA would use Hijri dates).
    public static readonly DashboardLanguage Arabic = new("ar", CultureInfo.GetCultureInfo("ar-MA"), true, "العربية");
    public static readonly DashboardLanguage English = new("en", CultureInfo.GetCultureInfo("en-GB"), false, "English");
    public static readonly DashboardLanguage French = new("fr", CultureInfo.GetCultureInfo("fr-FR"), false, "Français");

    public static IReadOnlyList<DashboardLanguage> All { get; } = [Arabic, English, French];

    /// <summary>The language of the request, set by <see cref="LocalizationExtensions.UseDashboardLocalization"/>.</summary>
    public static DashboardLanguage Current => Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? English;

    /// <summary><c>rtl</c> or <c>ltr</c>, for the <c>dir</c> attribute.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>The language with this code (<c>ar</c>, <c>en</c>, <c>fr</c>, any case), or null.</summary>
    public static DashboardLanguage? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
