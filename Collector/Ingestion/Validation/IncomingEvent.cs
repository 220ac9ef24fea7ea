namespace Icesco.Insights.Collector.Ingestion.Validation;

/// <summary>An event that passed validation, before enrichment: only what the client said.</summary>
public sealed record IncomingEvent(
    int Index,
    EventKind Kind,
    Guid? EventId,
    DateTimeOffset? Timestamp,
    Uri Url,
    string? ArticleId,
    string? Language,
    Uri? Referrer,
    byte Rating,
    byte RatingScale,
    string? Comment);
