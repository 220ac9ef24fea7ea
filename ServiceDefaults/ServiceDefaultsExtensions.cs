using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>
/// The one call every Icesco.Insights service makes first, so that Collector, Dashboard and Jobs
/// answer health probes, report errors and write logs the same way.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds health checks (a "self" liveness check), ProblemDetails error responses, timestamped
    /// console logging, and forwarded-header support that stays off unless configured.
    /// Pair it with <see cref="HealthEndpointExtensions.MapDefaultEndpoints"/>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddDefaultLogging();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddForwardedHeadersDefaults();

        // A startup filter, not a Use… call in Program.cs, so the error handler and forwarded
        // headers sit in front of whatever middleware a service adds, and no service can forget them.
        builder.Services.AddTransient<IStartupFilter, ServiceDefaultsStartupFilter>();

        return builder;
    }
}
