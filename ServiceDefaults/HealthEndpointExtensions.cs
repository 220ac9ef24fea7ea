using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>
/// Health checks and the two probe endpoints: <c>/health</c> (ready: every check) and
/// <c>/alive</c> (live: only checks tagged <see cref="LiveTag"/>).
/// </summary>
public static class HealthEndpointExtensions
{
    /// <summary>
    /// Tag for checks that say whether the process itself works. A failing dependency such as
    /// ClickHouse must not carry it: restarting the service would not bring ClickHouse back.
    /// </summary>
    public const string LiveTag = "live";

    /// <summary>Maps <c>/health</c> and <c>/alive</c>, both anonymous, both answering JSON.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Mapped in every environment, unlike eShop's development-only mapping: operators,
        // docker-compose and load balancers probe production. The body names checks and their
        // status, never exception text or connection strings, so anonymous access is safe.
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        }).AllowAnonymous();

        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = static check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        }).AllowAnonymous();

        return app;
    }

    internal static void AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        // Answers as long as the process can run a request: the liveness signal.
        builder.Services.AddHealthChecks()
            .AddCheck("self", static () => HealthCheckResult.Healthy(), [LiveTag]);
    }
}
