namespace Icesco.Insights.Collector.Ingestion;

/// <summary>What the website reported: a page was viewed, or the satisfaction widget was answered.</summary>
public enum EventKind : byte
{
    PageView = 1,
    Feedback = 2,
}

/// <summary>
/// An accepted event, validated and enriched, exactly as it is written to the durable log and then
/// to ClickHouse (<c>page_views</c> or <c>feedback</c>). Nothing personal: no IP, no user agent, no
/// cookie — only the salted visitor hash — and a comment already scrubbed.
/// </summary>
/// <param name="Kind">Which table the event belongs to.</param>
/// <param name="EventId">The client's id (or one the server made); the same id is stored once.</param>
/// <param name="EventTime">When it happened (UTC), clamped to server time when more than 5 min ahead.</param>
/// <param name="ReceivedAt">When the Collector took it (UTC).</param>
/// <param name="Site">Host of the site the event came from (on the allowlist).</param>
/// <param name="ArticleId">Article id, from the page or resolved from its URL; empty when unknown.</param>
/// <param name="Url">The page URL (≤ 2,000 bytes), without query string or fragment.</param>
/// <param name="Path">The URL's path.</param>
/// <param name="Topic">The article's topic code, or <c>unknown</c>.</param>
/// <param name="MemberStates">ISO alpha-2 codes of the member states the article concerns.</param>
/// <param name="VisitorHash">Keyed hash of (daily salt, IP, user agent, site).</param>
/// <param name="Country">ISO alpha-2 country of the visitor, empty when unknown.</param>
/// <param name="Language">Page language: ar, en, fr, or empty.</param>
/// <param name="Device">desktop, mobile, tablet, or empty.</param>
/// <param name="ReferrerHost">Host of the referrer, empty when none or same site.</param>
/// <param name="Rating">Feedback only: 1 = lowest answer of the widget.</param>
/// <param name="RatingScale">Feedback only: number of answers the widget offered.</param>
/// <param name="Comment">Feedback only: the reader's comment, scrubbed; empty when none.</param>
public sealed record CollectedEvent(
    EventKind Kind,
    Guid EventId,
    DateTime EventTime,
    DateTime ReceivedAt,
    string Site,
    string ArticleId,
    string Url,
    string Path,
    string Topic,
    IReadOnlyList<string> MemberStates,
    ulong VisitorHash,
    string Country,
    string Language,
    string Device,
    string ReferrerHost,
    byte Rating,
    byte RatingScale,
    string Comment);
