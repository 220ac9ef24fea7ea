using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// The URL parameters of one request, sorted the way a ClickHouse server reads them: protocol
/// parameters, <c>param_*</c> query parameters, and everything else as settings for this query only.
/// </summary>
internal sealed partial record RequestParameters(
    string? Query,
    string Database,
    string DefaultFormat,
    string QueryId,
    string? SessionId,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    // Parameters that steer the HTTP interface itself and are not engine settings. Response
    // compression (enable_http_compression) is not offered: answers on loopback go uncompressed.
    private static readonly HashSet<string> Protocol = new(StringComparer.Ordinal)
    {
        "query", "database", "default_format", "query_id", "session_id", "session_timeout", "session_check",
        "user", "password", "quota_key", "role", "compress", "decompress", "buffer_size", "wait_end_of_query",
        "enable_http_compression", "http_zlib_compression_level", "http_native_compression_disable_checksumming_on_decompress",
    };

    /// <exception cref="ArgumentException">A setting name is not an identifier.</exception>
    public static RequestParameters Parse(IQueryCollection query)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        var settings = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in query)
        {
            var value = Last(values);
            if (key.StartsWith("param_", StringComparison.Ordinal))
            {
                parameters.Add(new(key["param_".Length..], value));
            }
            else if (!Protocol.Contains(key))
            {
                if (!SettingName().IsMatch(key))
                {
                    throw new ArgumentException($"'{key}' is not a valid setting name", nameof(query));
                }

                settings.Add(new(key, value));
            }
        }

        return new(
            query.TryGetValue("query", out var q) ? Last(q) : null,
            query.TryGetValue("database", out var db) && !string.IsNullOrEmpty(Last(db)) ? Last(db) : "default",
            query.TryGetValue("default_format", out var f) && !string.IsNullOrEmpty(Last(f)) ? Last(f) : "TabSeparated",
            query.TryGetValue("query_id", out var id) && !string.IsNullOrEmpty(Last(id)) ? Last(id) : Guid.NewGuid().ToString(),
            query.TryGetValue("session_id", out var session) && !string.IsNullOrEmpty(Last(session)) ? Last(session) : null,
            parameters,
            settings);
    }

    private static string Last(StringValues values) => values.Count == 0 ? string.Empty : values[^1] ?? string.Empty;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex SettingName();
}
