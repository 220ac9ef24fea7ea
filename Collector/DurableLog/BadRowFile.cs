using System.Globalization;
using System.Text.Json;
using Icesco.Insights.Collector.Ingestion;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Events ClickHouse refused one by one, kept aside in <c>bad-rows.jsonl</c> beside the log: one JSON
/// line per event with the table, the engine's error code and message, and the event as it was to be
/// stored. Made durable before the flusher's checkpoint moves past them, so a refused event is kept,
/// not lost. After a crash in between, an event may appear twice here; its <c>event_id</c> tells.
/// </summary>
internal sealed class BadRowFile(IOptions<DurableLogOptions> options, TimeProvider timeProvider)
{
    public const string FileName = "bad-rows.jsonl";

    private readonly Lock gate = new();

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(options.Value.Directory), FileName);

    public void Keep(string table, CollectedEvent e, Exception reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kept_at", timeProvider.GetUtcNow().UtcDateTime);
            json.WriteString("table", table);
            json.WriteNumber("code", RowRejection.CodeOf(reason));
            json.WriteString("reason", FirstLine(reason.Message));
            json.WriteStartObject("event");
            json.WriteString("kind", e.Kind == EventKind.Feedback ? "feedback" : "pageview");
            json.WriteString("event_id", e.EventId);
            json.WriteString("event_time", e.EventTime);
            json.WriteString("received_at", e.ReceivedAt);
            json.WriteString("site", e.Site);
            json.WriteString("article_id", e.ArticleId);
            json.WriteString("url", e.Url);
            json.WriteString("path", e.Path);
            json.WriteString("topic", e.Topic);
            json.WriteStartArray("member_states");
            foreach (var state in e.MemberStates)
            {
                json.WriteStringValue(state);
            }
            json.WriteEndArray();
            json.WriteString("visitor_hash", e.VisitorHash.ToString(CultureInfo.InvariantCulture));
            json.WriteString("country", e.Country);
            json.WriteString("language", e.Language);
            json.WriteString("device", e.Device);
            json.WriteString("referrer_host", e.ReferrerHost);
            if (e.Kind == EventKind.Feedback)
            {
                json.WriteNumber("rating", e.Rating);
                json.WriteNumber("rating_scale", e.RatingScale);
                json.WriteString("comment", e.Comment);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');

        lock (gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            file.Flush(flushToDisk: true);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
