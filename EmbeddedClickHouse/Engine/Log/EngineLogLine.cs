using System.Globalization;
using System.Text.RegularExpressions;

namespace Icesco.Insights.EmbeddedClickHouse.Engine.Log;

/// <summary>
/// One line of the engine's own log, as ClickHouse writes it:
/// <c>2026.12.06 04:15:27.508445 [ 15034 ] {query-id} &lt;Warning&gt; Source: text</c>.
/// </summary>
internal sealed partial record EngineLogLine(LogLevel Level, string Source, string QueryId, string Text)
{
    /// <summary>
    /// Reads a line of the engine's log. A line without the header (the rest of a multi-line message,
    /// a stack trace) is returned as <paramref name="previous"/>'s level and source with this text, so
    /// it is neither lost nor promoted.
    /// </summary>
    public static EngineLogLine Parse(string line, EngineLogLine? previous)
    {
        var match = Header().Match(line);
        if (!match.Success)
        {
            return new EngineLogLine(previous?.Level ?? LogLevel.Information, previous?.Source ?? "Engine", previous?.QueryId ?? string.Empty, line);
        }

        var source = match.Groups["source"].Value;
        var text = match.Groups["text"].Value;
        return new EngineLogLine(Reclassify(source, text) ?? LevelOf(match.Groups["level"].Value), source, match.Groups["query"].Value, text);
    }

    /// <summary>ClickHouse's (Poco's) level names, mapped to ours; an unknown name is kept visible at Information.</summary>
    public static LogLevel LevelOf(string name) => name.ToLower(CultureInfo.InvariantCulture) switch
    {
        "fatal" or "critical" => LogLevel.Critical,
        "error" => LogLevel.Error,
        "warning" => LogLevel.Warning,
        "notice" or "information" => LogLevel.Information,
        "debug" => LogLevel.Debug,
        "trace" or "test" => LogLevel.Trace,
        _ => LogLevel.Information,
    };

    // chDB's streaming-insert worker runs on a ThreadFromGlobalPool thread, which already owns a
    // ThreadStatus, and makes a second one inside it; when the inner one ends it clears the thread's
    // status, so the outer one, ending after it, reports "invalid address" at Fatal once per INSERT.
    // Nothing is lost (memory is flushed before the check) and upstream ClickHouse has since made it
    // an Error behind a flag, so it is reported for what it is: bookkeeping, at Debug.
    // See docs/decisions/0018-engine-log.md.
    private static LogLevel? Reclassify(string source, string text)
        => source == "ThreadStatus" && text == "current_thread contains invalid address" ? LogLevel.Debug : null;

    [GeneratedRegex(@"^\d{4}\.\d{2}\.\d{2} [\d:.]+ \[ *\d+ *\] \{(?<query>[^}]*)\} <(?<level>[A-Za-z]+)> (?:(?<source>[^:]+?): )?(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
