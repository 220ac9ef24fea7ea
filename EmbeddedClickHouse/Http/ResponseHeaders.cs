using System.Globalization;
using Icesco.Insights.EmbeddedClickHouse.Engine;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>The <c>X-ClickHouse-*</c> headers a server sends, filled from a finished statement.</summary>
internal static class ResponseHeaders
{
    public static void WriteCommon(HttpResponse response, string queryId, string timezone)
    {
        response.Headers["X-ClickHouse-Query-Id"] = queryId;
        response.Headers["X-ClickHouse-Timezone"] = timezone;
    }

    public static void WriteResult(HttpResponse response, EngineResult result, string format)
    {
        response.Headers["X-ClickHouse-Format"] = format;
        response.Headers["X-ClickHouse-Summary"] = Summary(result);
        response.ContentType = ContentType(format);
    }

    public static void WriteError(HttpResponse response, ClickHouseError error)
    {
        response.StatusCode = error.HttpStatus;
        response.Headers["X-ClickHouse-Exception-Code"] = error.Code.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=UTF-8";
    }

    // The server writes every figure as a JSON string; clients parse them that way.
    private static string Summary(EngineResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"read_rows\":\"{r.ReadRows}\",\"read_bytes\":\"{r.ReadBytes}\",\"written_rows\":\"{r.WrittenRows}\",\"written_bytes\":\"{r.WrittenBytes}\",\"total_rows_to_read\":\"{r.ReadRows}\",\"result_rows\":\"{r.ResultRows}\",\"result_bytes\":\"{r.ResultBytes}\",\"elapsed_ns\":\"{(long)(r.Elapsed.TotalMilliseconds * 1_000_000)}\"}}");

    private static string ContentType(string format) => format switch
    {
        _ when format.StartsWith("JSON", StringComparison.Ordinal) => "application/json; charset=UTF-8",
        _ when format.StartsWith("TabSeparated", StringComparison.Ordinal) || format.StartsWith("TSV", StringComparison.Ordinal)
            => "text/tab-separated-values; charset=UTF-8",
        _ when format.StartsWith("CSV", StringComparison.Ordinal) => "text/csv; charset=UTF-8; header=absent",
        _ when format.StartsWith("Pretty", StringComparison.Ordinal) || format is "Vertical" or "Values" or "Markdown"
            => "text/plain; charset=UTF-8",
        _ => "application/octet-stream",
    };
}
