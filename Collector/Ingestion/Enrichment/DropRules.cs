using Icesco.Insights.Collector.Ingestion.Validation;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>Decides whether a valid event is kept or dropped, and why.</summary>
public sealed class DropRules(IngestionOptions options)
{
    private readonly HashSet<string> sites = new(options.Sites.Select(s => s.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    private readonly string[] spamHosts = [.. options.SpamReferrers.Select(s => s.Trim().TrimEnd('.').ToLowerInvariant()).Where(s => s.Length > 0)];

    public DropReason? Judge(IncomingEvent incoming, string? userAgent, bool fromDatacenter = false)
    {
        if (UserAgentClassifier.IsBot(userAgent))
        {
            return DropReason.Bot;
        }
        if (fromDatacenter)
        {
            return DropReason.Datacenter;
        }
        if (incoming.Referrer is { } referrer && IsSpamHost(referrer.IdnHost))
        {
            return DropReason.SpamReferrer;
        }
        return IsSite(incoming.Url.IdnHost) ? null : DropReason.ForeignSite;
    }

    public bool IsSite(string host) => sites.Contains(host.ToLowerInvariant());

    private bool IsSpamHost(string host)
    {
        host = host.ToLowerInvariant();
        foreach (var spam in spamHosts)
        {
            if (host == spam || (host.Length > spam.Length && host.EndsWith(spam, StringComparison.Ordinal) && host[^(spam.Length + 1)] == '.'))
            {
                return true;
            }
        }
        return false;
    }
}
