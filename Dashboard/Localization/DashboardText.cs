namespace Icesco.Insights.Dashboard.Localization;

/// <summary>
/// Every label of the Dashboard's pages in Arabic, English and French. Razor writes them with <see cref="T(string)"/>;
/// the same dictionary is serialized into each page (<see cref="DashboardPageConfig"/>) for its scripts. A label is
/// one entry with its three languages side by side, so none can be missing in one of them.
/// </summary>
public static class DashboardText
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByLanguage = Build();

    /// <summary>All labels in <paramref name="language"/> (<c>ar</c>, <c>en</c>, <c>fr</c>; English otherwise).</summary>
    public static IReadOnlyDictionary<string, string> For(DashboardLanguage language) => ByLanguage[language.Code];

    /// <summary>The label <paramref name="key"/> in the request's language.</summary>
    public static string T(string key) => Get(DashboardLanguage.Current, key);

    /// <summary>The label <paramref name="key"/> in the request's language, with <c>{0}</c>… filled in its culture.</summary>
    public static string T(string key, params object?[] args)
    {
        var language = DashboardLanguage.Current;
        return string.Format(language.Culture, Get(language, key), args);
    }

    /// <summary>The label <paramref name="key"/> in <paramref name="language"/>; an unknown key is a bug and says so.</summary>
    public static string Get(DashboardLanguage language, string key) =>
        For(language).TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No Dashboard label '{key}'.");

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Build()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in DashboardLanguage.All)
        {
            result[language.Code] = DashboardLabels.All.ToDictionary(
                label => label.Key,
                label => language.Code switch { "ar" => label.Ar, "fr" => label.Fr, _ => label.En },
                StringComparer.Ordinal);
        }
        return result;
    }
}
