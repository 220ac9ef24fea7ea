using System.Collections.Frozen;
using System.Text.Json;
using Icesco.Insights.Storage.ReferenceData;

namespace Icesco.Insights.Dashboard.Localization;

/// <summary>
/// What a page's scripts need to speak its language, serialized once per language into
/// <c>&lt;script type="application/json" id="dashboard-config"&gt;</c>: the labels, the culture for Intl, the names of
/// the topics, and the member states (whose names the scripts take from i18n-iso-countries, like the report).
/// </summary>
public static class DashboardPageConfig
{
    // The default encoder escapes < > & ' as \u003C…: the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, string> ByLanguage = DashboardLanguage.All.ToFrozenDictionary(
        l => l.Code, l => JsonSerializer.Serialize(Build(l), Json), StringComparer.Ordinal);

    /// <summary>The JSON for <paramref name="language"/>, safe to write raw inside a <c>&lt;script&gt;</c> element.</summary>
    public static string For(DashboardLanguage language) => ByLanguage[language.Code];

    private static object Build(DashboardLanguage language)
    {
        var topics = ReferenceDataFiles.Topics().OrderBy(t => t.SortOrder);
        return new
        {
            lang = language.Code,
            locale = language.Culture.Name,
            dir = language.Direction,
            text = DashboardText.For(language),
            topics = topics.ToDictionary(t => t.Code, t => language.Code switch { "ar" => t.NameAr, "fr" => t.NameFr, _ => t.NameEn }),
            memberStates = MemberStates.Codes,
        };
    }
}

/// <summary>The member states the live page offers as filters and shades on the map (the confirmed ones).</summary>
public static class MemberStates
{
    public static IReadOnlyList<string> Codes { get; } =
        [.. ReferenceDataFiles.MemberStates().Where(s => s.Status == "confirmed").Select(s => s.Code)];

    /// <summary>The codes sorted by their names in <paramref name="language"/>, for a list people scan by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> Named(DashboardLanguage language)
    {
        var names = ReferenceDataFiles.CountryNames();
        return [.. Codes
            .Select(code => (code, names.TryGetValue(code, out var name) ? name.In(language.Code) : code))
            .OrderBy(s => s.Item2, StringComparer.Create(language.Culture, ignoreCase: true))];
    }
}
