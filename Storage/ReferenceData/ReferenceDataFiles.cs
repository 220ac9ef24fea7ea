using System.Globalization;

namespace Icesco.Insights.Storage.ReferenceData;

/// <summary>A member state as shipped in <c>ReferenceData/*.csv</c>.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, the key used by articles and events.</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Status"><c>confirmed</c> or <c>uncertain</c>; see docs/decisions/0003-reference-data.md.</param>
/// <param name="SourceNote">The evidence for the status.</param>
public sealed record MemberStateSeed(string Code, string Iso3, string NameEn, string Status, string SourceNote);

/// <summary>An ICESCO sector (topic) as shipped in <c>ReferenceData/topics.csv</c>.</summary>
public sealed record TopicSeed(string Code, byte SortOrder, string NameEn, string NameAr, string NameFr);

/// <summary>A country's name in the three working languages (ISO 3166-1 alpha-2 code).</summary>
public sealed record CountryName(string Code, string NameAr, string NameEn, string NameFr)
{
    /// <summary>The name in <paramref name="language"/> (<c>ar</c>, <c>en</c> or <c>fr</c>); English otherwise.</summary>
    public string In(string language) => language switch
    {
        "ar" => NameAr,
        "fr" => NameFr,
        _ => NameEn,
    };
}

/// <summary>Reads the reference data embedded in this assembly.</summary>
public static class ReferenceDataFiles
{
    /// <summary>The 52 confirmed member states followed by the uncertain candidates.</summary>
    public static IReadOnlyList<MemberStateSeed> MemberStates() =>
    [
        .. Read("member-states.csv").Select(r => ToMemberState(r, "confirmed")),
        .. Read("member-states-uncertain.csv").Select(r => ToMemberState(r, "uncertain")),
    ];

    /// <summary>The ICESCO sectors used as article and event topics.</summary>
    public static IReadOnlyList<TopicSeed> Topics() =>
    [
        .. Read("topics.csv").Select(r => new TopicSeed(
            r["code"], byte.Parse(r["sort_order"], CultureInfo.InvariantCulture), r["name_en"], r["name_ar"], r["name_fr"])),
    ];

    /// <summary>
    /// Every country's name in Arabic, English and French, from the MIT-licensed <c>i18n-iso-countries</c> 7.14.0
    /// (the package the Dashboard bundles too), so reports and screens name a country the same way.
    /// </summary>
    public static IReadOnlyDictionary<string, CountryName> CountryNames() => CountryNameTable.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, CountryName>> CountryNameTable = new(() =>
        Read("country-names.csv").ToDictionary(
            r => r["code"], r => new CountryName(r["code"], r["name_ar"], r["name_en"], r["name_fr"]), StringComparer.OrdinalIgnoreCase));

    private static MemberStateSeed ToMemberState(IReadOnlyDictionary<string, string> r, string status) =>
        new(r["iso2"], r["iso3"], r["name_en"], status, r["source_note"]);

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var resource = $"ReferenceData/{file}";
        using var stream = typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Reference data resource '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Csv.ReadRecords(reader.ReadToEnd());
    }
}
