using Hangfire;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>
/// Registers every catalogued recurring job at start, by its stable id and in the configured time zone.
/// AddOrUpdate makes this safe on every start of every server sharing one storage. A cron Hangfire
/// cannot parse stops the host with the setting named.
/// </summary>
public sealed partial class RecurringJobRegistrar(
    IEnumerable<RecurringJobEntry> entries,
    IRecurringJobManager manager,
    IOptions<JobsOptions> options,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var jobOptions = new RecurringJobOptions { TimeZone = settings.ResolveTimeZone() };
        foreach (var entry in entries)
        {
            var cron = settings.Schedules.TryGetValue(entry.Id, out var configured) ? configured : entry.DefaultCron;
            try
            {
                entry.Register(manager, cron, jobOptions);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(
                    $"Jobs:Schedules:{entry.Id}: '{cron}' is not a valid cron expression (5 fields, or 6 with seconds first).", e);
            }
            Registered(logger, entry.Id, cron, jobOptions.TimeZone.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {Id} scheduled at '{Cron}' ({TimeZone})")]
    private static partial void Registered(ILogger logger, string id, string cron, string timeZone);
}
