using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>Whether this process has seen the schema current; reported as the <c>schema</c> health check.</summary>
public sealed class SchemaState(IOptions<SchemaMigrationOptions> options) : IHealthCheck
{
    // A service told not to migrate has nothing to wait for: whoever owns the schema reports on it.
    private volatile string? lastError = options.Value.ApplyOnStart ? "not migrated yet" : null;

    /// <summary>True once a migration run has completed in this process.</summary>
    public bool IsCurrent => lastError is null;

    internal void MarkCurrent() => lastError = null;

    internal void MarkFailed(string error) => lastError = error;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(lastError is null
            ? HealthCheckResult.Healthy("schema current")

            // Degraded, not Unhealthy: a service that migrates in the background (the Collector) still
            // takes work into its durable log while ClickHouse is out of reach.
            : HealthCheckResult.Degraded($"schema not yet migrated: {lastError}"));
}
