using System.Net;
using Icesco.Insights.Collector.Articles;
using Icesco.Insights.Collector.Ingestion.Validation;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>What the request tells about the visitor, read once per request and never stored as such.</summary>
public sealed record RequestFacts(IPAddress? Ip, string? UserAgent, string Country)
{
    public string Device { get; } = UserAgentClassifier.DeviceClass(UserAgent);

    /// <summary>The address as text, once per request rather than once per event of a batch (hashed, never stored).</summary>
    public string IpText { get; } = Ip?.ToString() ?? "";

    /// <summary>The address is in a datacenter range (<see cref="DatacenterRanges"/>).</summary>
    public bool FromDatacenter { get; init; }
}

/// <summary>Turns a valid, kept event into the stored <see cref="CollectedEvent"/>: article metadata, visitor hash, time, scrubbed comment.</summary>
public sealed class EventEnricher(ArticleCatalog catalog, UnknownArticleRecorder unknownArticles, IOptions<IngestionOptions> options, TimeProvider time)
{
    public const string UnknownTopic = "unknown";

    private readonly DropRules sites = new(options.Value);

    public CollectedEvent Enrich(IncomingEvent incoming, RequestFacts facts, ReadOnlySpan<byte> salt)
    {
        var now = time.GetUtcNow();
        var eventTime = incoming.Timestamp is { } claimed && claimed <= now + options.Value.FutureTolerance ? claimed : now;
        var url = incoming.Url;
        var site = url.IdnHost.ToLowerInvariant();
        var pageUrl = url.GetLeftPart(UriPartial.Path);

        string articleId, topic;
        IReadOnlyList<string> memberStates;
        if (catalog.TryFind(incoming.ArticleId, url, out var article))
        {
            (articleId, topic, memberStates) = (article.ArticleId, article.Topic, article.MemberStates);
        }
        else
        {
            (articleId, topic, memberStates) = (incoming.ArticleId ?? "", UnknownTopic, []);
            unknownArticles.Record(site, incoming.ArticleId, pageUrl);
        }

        var referrerHost = incoming.Referrer is { } referrer && !sites.IsSite(referrer.IdnHost) ? referrer.IdnHost.ToLowerInvariant() : "";
        var visitor = VisitorHasher.Hash(salt, facts.IpText, facts.UserAgent, site);

        return new CollectedEvent(
            incoming.Kind,
            incoming.EventId ?? Guid.CreateVersion7(now),
            eventTime.UtcDateTime,
            now.UtcDateTime,
            site,
            articleId,
            pageUrl,
            url.AbsolutePath,
            topic,
            memberStates,
            visitor,
            facts.Country,
            LanguageResolver.Resolve(incoming.Language, url),
            facts.Device,
            referrerHost,
            incoming.Rating,
            incoming.RatingScale,
            incoming.Comment is null ? "" : CommentScrubber.Scrub(incoming.Comment));
    }
}
