using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// How the services reach ClickHouse and shape the schema; bound from the <c>ClickHouse</c> section.
/// </summary>
public sealed class ClickHouseOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ClickHouse";

    /// <summary>Driver connection string, e.g. <c>Host=127.0.0.1;Port=8123;Username=default</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Database holding every table. It is substituted into SQL text, so it must be a plain identifier.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "ClickHouse:Database must be an identifier: letters, digits and '_', not starting with a digit.")]
    [StringLength(64)]
    public string Database { get; set; } = "icesco_insights";

    /// <summary>
    /// The cluster (a name under the server's <c>remote_servers</c>) the schema is created on, or null for one
    /// server. When set, the migrations produce cluster DDL (<c>ON CLUSTER</c>, replicated engines with Keeper
    /// paths, <c>Distributed</c> tables under the names the services use); see docs/scaling.md.
    /// </summary>
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "ClickHouse:Cluster must be an identifier: letters, digits and '_', not starting with a digit.")]
    [StringLength(64)]
    public string? Cluster { get; set; }

    /// <summary>Whether the schema lives on a cluster (<see cref="Cluster"/> is set).</summary>
    public bool IsCluster => !string.IsNullOrEmpty(Cluster);

    /// <summary>How long raw page views and feedback are kept (TTL); rollups are kept for good.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "ClickHouse:RawEventRetention must be between 1 day and 3650 days.")]
    public TimeSpan RawEventRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>The raw-event retention in whole days, as the TTL clause uses it.</summary>
    public int RawEventRetentionDays => (int)RawEventRetention.TotalDays;

    /// <summary>
    /// The IANA zone whose local days the daily Explore rollups (migration 0012) are cut in; the Dashboard reads them only
    /// when <c>Trends:TimeZone</c> is the same zone (else it answers from the hourly rollup, exact but slower). Fixed
    /// when the migration first runs: changing it later needs a new migration.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9_/+-]{1,64}$", ErrorMessage = "ClickHouse:RollupTimeZone must be an IANA time zone id such as Africa/Casablanca.")]
    public string RollupTimeZone { get; set; } = "Africa/Casablanca";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The TTL is expressed in days; silently rounding a retention of "36:00:00" would surprise.
        if (RawEventRetention.Ticks % TimeSpan.TicksPerDay != 0)
        {
            yield return new ValidationResult(
                $"ClickHouse:RawEventRetention must be a whole number of days (got {RawEventRetention}).",
                [nameof(RawEventRetention)]);
        }
    }
}
