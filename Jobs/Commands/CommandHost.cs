using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// Runs a command's work in a host configured like the service (same sources, same options validated) but never
/// started: no Hangfire server, no Kestrel, no hosted services.
/// </summary>
internal static class CommandHost
{
    /// <summary>
    /// Defaults of a command, below appsettings.json so a setting can still change them: logs only for what goes
    /// wrong, and on stderr, so stdout carries the command's own output and can be piped.
    /// </summary>
    private static readonly Dictionary<string, string?> CommandDefaults = new()
    {
        ["Logging:Console:LogLevel:Default"] = "Warning",
        // A failed query ends the command with its message on stderr; the driver's own log of it adds only a stack trace.
        ["Logging:Console:LogLevel:ClickHouse.Driver"] = "Critical",
        ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
    };

    public static async Task<int> RunAsync(
        JobsCommand command, IReadOnlyList<string> settings, CommandWork work, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(command, settings);
            // What starting the host would check (ValidateOnStart): a bad setting fails here, named, before any work.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await work(host.Services, output, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The driver may wrap the cancelled request in its own exception; once asked to stop, any ending is the stop.
            await error.WriteLineAsync($"{command.Name}: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported, not swallowed: the message chain on stderr and exit code 1 are how a command fails.
            await error.WriteLineAsync($"{command.Name} failed: {Describe(e)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static IHost Build(JobsCommand command, IReadOnlyList<string> settings)
    {
        // The sources WebApplication.CreateBuilder uses, in its order: ASPNETCORE_ variables first (for the
        // environment name), then the host defaults: appsettings*.json, all environment variables, the arguments.
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(CommandDefaults);
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. settings],
            Configuration = configuration,
        });
        builder.Logging.ClearProviders().AddConsole();
        builder.Services.AddInsightsClickHouse(builder.Configuration);
        command.AddServices(builder);
        return builder.Build();
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count > 1)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
                break;
            }
            if (messages.Count == 0 || !messages[^1].Contains(current.Message, StringComparison.Ordinal))
            {
                messages.Add(current.Message);
            }
        }
        return string.Join(" ← ", messages);
    }
}
