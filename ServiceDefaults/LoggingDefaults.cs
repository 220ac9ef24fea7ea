using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>Console logging: one line per entry, UTC timestamps, the service named at start.</summary>
internal static class LoggingDefaults
{
    public static void AddDefaultLogging(this IHostApplicationBuilder builder)
    {
        // Only when configuration chose no formatter: an operator may still pick "json" or
        // "systemd" with Logging:Console:FormatterName. Leaving it null is not enough, because the
        // console provider then copies its legacy properties over the formatter options below.
        builder.Services.Configure<ConsoleLoggerOptions>(static options =>
            options.FormatterName ??= ConsoleFormatterNames.Simple);

        // Single lines with UTC timestamps, because the three services' logs end up interleaved
        // (one terminal, docker-compose) and are read by grep and sort as much as by people.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(static options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddHostedService<ServiceStartLog>();
    }
}
