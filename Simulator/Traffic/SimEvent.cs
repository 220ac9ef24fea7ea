using System.Text.Json;

namespace Icesco.Insights.Simulator.Traffic;

/// <summary>One event as the website's snippet would send it, with the visitor whose browser sent it.</summary>
public sealed record SimEvent(
    Guid EventId,
    DateTimeOffset Timestamp,
    Visitor Visitor,
    string ArticleId,
    string Url,
    string Language,
    string Topic,
    string? Referrer,
    int? Rating = null,
    string? Comment = null)
{
    public bool IsFeedback => Rating is not null;

    /// <summary>The event in the wire format of <c>POST /api/v1/events</c> (docs/collector.md).</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", IsFeedback ? "feedback" : "pageview");
        json.WriteString("event_id", EventId);
        json.WriteString("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("url", Url);
        json.WriteString("article_id", ArticleId);
        json.WriteString("language", Language);
        if (Referrer is not null)
        {
            json.WriteString("referrer", Referrer);
        }
        if (Rating is { } rating)
        {
            json.WriteNumber("rating", rating);
            json.WriteNumber("scale", FeedbackModel.Scale);
            if (Comment is not null)
            {
                json.WriteString("comment", Comment);
            }
        }
        json.WriteEndObject();
    }

    /// <summary>A JSON array of <paramref name="events"/>: one batch request body.</summary>
    public static byte[] Batch(IEnumerable<SimEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var e in events)
            {
                e.WriteTo(json);
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
