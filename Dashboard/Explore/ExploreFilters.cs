using System.Text;
using System.Text.RegularExpressions;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The filters of the Explore pages: at most one value per dimension, all combined with AND
/// (<c>topic=culture&amp;member_state=MA&amp;language=fr</c>). Values reach SQL only as <c>{name:Type}</c> parameters.
/// </summary>
public sealed partial record ExploreFilters(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The dimensions a page filters and breaks down by, as the query string names them.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["topic", "member_state", "country", "language", "device", "source"];

    /// <summary>What a reader's country or a topic is when it is not known (stored as an empty string or <c>unknown</c>).</summary>
    public const string Unknown = "unknown";

    public static ExploreFilters None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public static (ExploreFilters? Filters, Dictionary<string, string[]> Errors) Parse(Func<string, string?> query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var dimension in Dimensions)
        {
            var value = query(dimension);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            var rule = Rule(dimension, value);
            if (rule is null)
            {
                values[dimension] = value;
            }
            else
            {
                errors[dimension] = [rule];
            }
        }
        return errors.Count > 0 ? (null, errors) : (new ExploreFilters(values), errors);
    }

    private static string? Rule(string dimension, string value) => dimension switch
    {
        "member_state" or "country" when value != Unknown && !CountryCode().IsMatch(value) =>
            $"format: {dimension} must be an ISO 3166-1 alpha-2 code in capitals (e.g. MA) or '{Unknown}'.",
        "language" when value is not ("ar" or "en" or "fr" or Unknown) => "one-of: language must be one of ar, en, fr, unknown.",
        "topic" or "device" when !Code().IsMatch(value) => $"format: {dimension} must be a code of 1–40 lowercase letters, digits, '-' or '_'.",
        "source" when !Host().IsMatch(value) => "format: source must be a source name or a host name (letters, digits, '.', '-'), at most 253 characters.",
        _ => null,
    };

    /// <summary>
    /// <c>AND …</c> conditions over the columns of an Explore rollup or a raw event table (same names), with their
    /// parameters added to <paramref name="parameters"/>. A member state is matched in the <c>member_states</c> array, or,
    /// with <paramref name="memberStateArray"/> false, in a <c>member_state</c> column (a row per state).
    /// </summary>
    public string Sql(ClickHouseParameterCollection parameters, bool memberStateArray = true)
    {
        var sql = new StringBuilder();
        foreach (var (dimension, value) in Values)
        {
            var name = $"f_{dimension}";
            var stored = value == Unknown && dimension is "country" or "language" ? "" : value;
            parameters.AddParameter(name, stored);
            sql.Append(dimension == "member_state"
                ? memberStateArray ? $" AND has(member_states, {{{name}:String}})" : $" AND member_state = {{{name}:String}}"
                : $" AND {dimension} = {{{name}:String}}");
        }
        return sql.ToString();
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Za-z0-9.-]{1,253}$")]
    private static partial Regex Host();
}
