using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>How the public ingestion API judges, enriches and protects itself; section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion";

    /// <summary>Hosts an event's <c>url</c> may have; any other host is dropped (<see cref="DropReason.ForeignSite"/>).</summary>
    /// <remarks>Empty in configuration means <see cref="DefaultSites"/> (defaults are applied after binding, which would otherwise append to them).</remarks>
    public IList<string> Sites { get; set; } = [];

    /// <summary>Browser origins allowed to post events cross-origin (CORS).</summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>Referrer hosts whose events are spam; a host matches itself and its subdomains.</summary>
    public IList<string> SpamReferrers { get; set; } = [];

    /// <summary>Number of answers the satisfaction widget offers when an event does not say.</summary>
    [Range(2, 11)]
    public int RatingScale { get; set; } = 5;

    /// <summary>Scales an event may declare in <c>scale</c>; <see cref="RatingScale"/> is always accepted.</summary>
    public IList<int> AcceptedRatingScales { get; set; } = [];

    public static IReadOnlyList<string> DefaultSites { get; } = ["icesco.org", "www.icesco.org"];

    public static IReadOnlyList<string> DefaultOrigins { get; } = ["https://icesco.org", "https://www.icesco.org"];

    public static IReadOnlyList<int> DefaultRatingScales { get; } = [3, 4, 5, 7, 10, 11];

    /// <summary>Fills the lists left empty with their defaults; returns this.</summary>
    public IngestionOptions WithDefaults()
    {
        if (Sites.Count == 0)
        {
            Sites = [.. DefaultSites];
        }
        if (AllowedOrigins.Count == 0)
        {
            AllowedOrigins = [.. DefaultOrigins];
        }
        if (AcceptedRatingScales.Count == 0)
        {
            AcceptedRatingScales = [.. DefaultRatingScales];
        }
        return this;
    }

    /// <summary>Trusted proxy header with the visitor's ISO country (e.g. <c>CF-IPCountry</c>); unused when empty.</summary>
    public string? CountryHeader { get; set; }

    /// <summary>Path of an offline IP-to-country database (<c>.mmdb</c>); country stays empty without one.</summary>
    public string? GeoIpDatabase { get; set; }

    /// <summary>Drop events sent from cloud and hosting address ranges (<see cref="DropReason.Datacenter"/>).</summary>
    public bool DropDatacenterTraffic { get; set; } = true;

    /// <summary>File of datacenter address ranges (<c>first,last[,asn,name]</c> per line); empty means the shipped <see cref="ShippedDatacenterRanges"/>.</summary>
    public string? DatacenterRanges { get; set; }

    /// <summary>The list shipped with the Collector (scripts/datacenter-ranges/build.sh makes it).</summary>
    public static string ShippedDatacenterRanges => Path.Combine(AppContext.BaseDirectory, "Data", "datacenter-ranges.csv");

    /// <summary>The ranges file in effect.</summary>
    public string DatacenterRangesPath() => string.IsNullOrWhiteSpace(DatacenterRanges) ? ShippedDatacenterRanges : DatacenterRanges;

    /// <summary>Largest body of a single event, measured after decompression.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxSingleBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of a batch, measured after decompression.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBatchBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most events in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>How far ahead of server time an event may claim to be before it is clamped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-IP rate limit on <c>POST /api/v1/events</c>.</summary>
    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>How often unknown articles are written to <c>unknown_articles</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan UnknownArticleFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time Kestrel allows a client to send its request headers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sites.Count == 0 || Sites.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Ingestion:Sites must list at least one host name, none empty.", [nameof(Sites)]);
        }
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                yield return new ValidationResult($"Ingestion:AllowedOrigins holds '{origin}', which is not an origin like https://www.icesco.org.", [nameof(AllowedOrigins)]);
            }
        }
        if (AcceptedRatingScales.Any(s => s is < 2 or > 11))
        {
            yield return new ValidationResult("Ingestion:AcceptedRatingScales must hold scales between 2 and 11.", [nameof(AcceptedRatingScales)]);
        }
        if (MaxSingleBodyBytes > MaxBatchBodyBytes)
        {
            yield return new ValidationResult("Ingestion:MaxSingleBodyBytes must not exceed Ingestion:MaxBatchBodyBytes.", [nameof(MaxSingleBodyBytes)]);
        }
        if (DropDatacenterTraffic && !File.Exists(DatacenterRangesPath()))
        {
            yield return new ValidationResult($"Ingestion:DatacenterRanges names '{DatacenterRangesPath()}', which does not exist (set Ingestion:DropDatacenterTraffic to false to keep datacenter traffic).", [nameof(DatacenterRanges)]);
        }
        if (RateLimit.PermitLimit < 1 || RateLimit.Window <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Ingestion:RateLimit needs PermitLimit ≥ 1 and a positive Window.", [nameof(RateLimit)]);
        }
    }

    /// <summary>True when <paramref name="scale"/> may be declared by an event.</summary>
    public bool AcceptsScale(int scale) => scale == RatingScale || AcceptedRatingScales.Contains(scale);
}

/// <summary>Fixed-window limit per client IP.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests one IP may make per window.</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Length of the window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
