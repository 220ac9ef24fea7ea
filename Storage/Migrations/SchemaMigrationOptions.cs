using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>How the schema migrator runs; bound from <c>ClickHouse:Migrations</c>.</summary>
public sealed class SchemaMigrationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ClickHouse:Migrations";

    /// <summary>Whether <see cref="SchemaMigrationHostedService"/> migrates when the host starts.</summary>
    public bool ApplyOnStart { get; set; } = true;

    /// <summary>
    /// Whether the host waits for the migration before it serves. When false the service starts at
    /// once and migrates in the background, retrying until ClickHouse answers — for the Collector,
    /// whose durable log holds events until the tables exist.
    /// </summary>
    public bool BlockStartup { get; set; } = true;

    /// <summary>Longest pause between background migration attempts (see <see cref="BlockStartup"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "ClickHouse:Migrations:RetryBackoffMax must be between 100 ms and 10 minutes.")]
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for another process holding the schema lock before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ClickHouse:Migrations:LockTimeout must be between 1 second and 1 day.")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a lock lasts unless released. Generous, because the lease is not renewed: it only
    /// has to outlive a migration run, and it frees the lock when a migrator dies holding it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "ClickHouse:Migrations:LockLease must be between 5 seconds and 1 day.")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a waiting migrator looks at the lock again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "ClickHouse:Migrations:LockPollInterval must be between 10 ms and 1 minute.")]
    public TimeSpan LockPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Who holds the lock and applied a migration; defaults to <c>machine/pid/random</c>.</summary>
    [StringLength(200)]
    public string? Owner { get; set; }
}
