using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Readiness of the write path: unhealthy when the log is full, damaged, or holds more unsent
/// events than the threshold, so a load balancer sends traffic elsewhere while ClickHouse catches up.
/// Not a liveness check: restarting the Collector would not help ClickHouse.
/// </summary>
internal sealed class DurableLogHealthCheck(WriteAheadLog log, IOptions<DurableLogOptions> options) : IHealthCheck
{
    public const string Name = "durable-log";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var backlog = log.Backlog;
        var diskBytes = log.DiskBytes;
        var full = log.IsFull;
        var damaged = log.Damage.Count > 0;
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog,
            ["backlog_threshold"] = settings.BacklogReadinessThreshold,
            ["disk_bytes"] = diskBytes,
            ["max_disk_bytes"] = settings.MaxDiskBytes,
            ["full"] = full,
            ["damaged"] = damaged,
        };

        var result = (full, damaged, backlog > settings.BacklogReadinessThreshold) switch
        {
            (true, _, _) => HealthCheckResult.Unhealthy($"Log full ({diskBytes} of {settings.MaxDiskBytes} bytes); new events get Retry-After.", data: data),
            (_, true, _) => HealthCheckResult.Unhealthy("Log damaged; see the Collector's log for the file and offset.", data: data),
            (_, _, true) => HealthCheckResult.Unhealthy($"{backlog} events not yet in ClickHouse (threshold {settings.BacklogReadinessThreshold}).", data: data),
            _ => HealthCheckResult.Healthy($"{backlog} events not yet in ClickHouse.", data),
        };
        return Task.FromResult(result);
    }
}
