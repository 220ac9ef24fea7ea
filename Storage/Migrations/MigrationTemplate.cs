using System.Globalization;
using System.Text.RegularExpressions;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Fills the <c>{placeholder}</c>s of a migration from validated options. Only identifiers and
/// integers (and the constant <see cref="ReferrerSources"/> and <see cref="SearchText"/> expressions) are ever substituted, never user text; <c>{name:Type}</c> query parameters have a colon
/// and are left alone. An unknown placeholder is an error rather than SQL sent with braces in it.
/// </summary>
internal static partial class MigrationTemplate
{
    public static IReadOnlyDictionary<string, string> Values(ClickHouseOptions options) => new Dictionary<string, string>
    {
        ["database"] = options.Database,
        ["raw_event_ttl_days"] = options.RawEventRetentionDays.ToString(CultureInfo.InvariantCulture),
        // A constant expression of ours (no user text); changing it later needs a new migration, as the views keep it.
        ["referrer_source"] = ReferrerSources.SqlExpression("referrer_host"),
        ["search_text"] = SearchText.SqlExpression("comment"),
        ["search_suffixes"] = SearchText.SuffixesSqlExpression("comment"),
        ["rollup_time_zone"] = options.RollupTimeZone,
    };

    public static string Render(string sql, IReadOnlyDictionary<string, string> values, string fileName) =>
        Placeholder().Replace(sql, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Migration '{fileName}' uses unknown placeholder {match.Value}."));

    [GeneratedRegex("\\{([a-z_]+)\\}")]
    private static partial Regex Placeholder();
}
