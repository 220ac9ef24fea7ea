namespace Icesco.Insights.Collector.Ingestion;

/// <summary>Why a valid event was answered 202 but not stored.</summary>
public enum DropReason
{
    /// <summary>A bot, crawler or headless browser sent it.</summary>
    Bot,

    /// <summary>It came from a referrer on the spam list.</summary>
    SpamReferrer,

    /// <summary>Its URL is on a host that is not one of the configured sites.</summary>
    ForeignSite,

    /// <summary>It came from a cloud or hosting address range (a server, not a reader).</summary>
    Datacenter,
}

/// <summary>Wire names of <see cref="DropReason"/>, as in the response body, header and metric.</summary>
public static class DropReasonNames
{
    public static string Name(this DropReason reason) => reason switch
    {
        DropReason.Bot => "bot",
        DropReason.SpamReferrer => "spam-referrer",
        DropReason.ForeignSite => "foreign-site",
        DropReason.Datacenter => "datacenter",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
