using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>
/// Logs which service is starting, under a category named after it, so that interleaved logs of
/// Collector, Dashboard and Jobs say which process each run belongs to.
/// </summary>
internal sealed partial class ServiceStartLog(IHostEnvironment environment, ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(environment.ApplicationName);
        LogStarting(logger, environment.ApplicationName, environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Service} starting in {Environment}")]
    private static partial void LogStarting(ILogger logger, string service, string environment);
}
