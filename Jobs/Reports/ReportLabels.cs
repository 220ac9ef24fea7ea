using Icesco.Insights.Storage.ReferenceData;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Names of the codes a report shows (topics, member states, countries, articles) in each language.</summary>
public sealed class ReportLabels(
    IReadOnlyDictionary<string, LocalizedName> topics,
    IReadOnlyDictionary<string, LocalizedName> memberStates,
    IReadOnlyDictionary<string, LocalizedName> articles)
{
    /// <summary>No names known: every code is shown as itself (tests of layout, an empty database).</summary>
    public static ReportLabels None { get; } = new(
        new Dictionary<string, LocalizedName>(), new Dictionary<string, LocalizedName>(), new Dictionary<string, LocalizedName>());

    public string Topic(string code, string language) => Name(topics, code, language);

    /// <summary>Member states by the names kept in ClickHouse (operator-correctable), else the country name.</summary>
    public string MemberState(string code, string language) =>
        memberStates.TryGetValue(code, out var name) && name.In(language) is { Length: > 0 } text ? text : Country(code, language);

    public static string Country(string code, string language) =>
        ReferenceDataFiles.CountryNames().TryGetValue(code, out var name) && name.In(language) is { Length: > 0 } text ? text : code;

    /// <summary>An article by its title in the language asked for, else in any language it has, else its id.</summary>
    public string Article(string id, string language) =>
        articles.TryGetValue(id, out var title)
            ? new[] { title.In(language), title.En, title.Fr, title.Ar }.FirstOrDefault(t => t.Length > 0) ?? id
            : id;

    private static string Name(IReadOnlyDictionary<string, LocalizedName> names, string code, string language) =>
        names.TryGetValue(code, out var name) && name.In(language) is { Length: > 0 } text ? text : code;
}

/// <summary>A name in Arabic, English and French (any may be empty).</summary>
public sealed record LocalizedName(string Ar, string En, string Fr)
{
    public string In(string language) => language switch
    {
        "ar" => Ar,
        "fr" => Fr,
        _ => En,
    };
}
