using System.Text.Json.Serialization;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>
/// One event as the website sends it (for the OpenAPI document; the body is one such object or an
/// array of up to 1,000). Unknown fields are ignored.
/// </summary>
/// <param name="Type">pageview or feedback.</param>
/// <param name="EventId">A UUID made by the client so a resent event is stored once; the server makes one if absent.</param>
/// <param name="Timestamp">ISO-8601; more than 5 minutes ahead of the server it is clamped to server time.</param>
/// <param name="Url">Absolute http(s) URL of the page, at most 2,000 bytes, on one of the configured sites.</param>
/// <param name="ArticleId">The article's id, when the page states it.</param>
/// <param name="Language">ar, en or fr; else taken from the URL path.</param>
/// <param name="Referrer">The referring page's URL.</param>
/// <param name="Rating">Feedback only: 1 (lowest) to scale.</param>
/// <param name="Scale">Feedback only: number of answers the widget offered; one of Ingestion:AcceptedRatingScales.</param>
/// <param name="Comment">Feedback only: up to 2,000 characters; e-mail addresses, phone and card numbers are removed before storage.</param>
public sealed record EventPayload(
    string Type,
    [property: JsonPropertyName("event_id")] Guid? EventId,
    DateTimeOffset? Timestamp,
    string Url,
    [property: JsonPropertyName("article_id")] string? ArticleId,
    string? Language,
    string? Referrer,
    int? Rating,
    int? Scale,
    string? Comment);

/// <summary>The answer to an events request that was taken (202).</summary>
/// <param name="Accepted">Events now durable.</param>
/// <param name="Duplicates">Events whose id had been accepted before (not stored again).</param>
/// <param name="Dropped">Valid events not stored, by reason: bot, spam-referrer, foreign-site.</param>
/// <param name="Rejected">Events of the batch that broke a rule, by index.</param>
public sealed record EventsAccepted(int Accepted, int Duplicates, IReadOnlyDictionary<string, int> Dropped, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>An event of a batch that was not taken: where it was, which field, which rule.</summary>
public sealed record RejectedEvent(int Index, string Field, string Rule, string Message);
