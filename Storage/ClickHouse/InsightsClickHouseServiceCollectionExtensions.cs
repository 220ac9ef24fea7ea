using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>Registers the ClickHouse options and the one shared <see cref="ClickHouseClient"/>.</summary>
public static class InsightsClickHouseServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="ClickHouseOptions"/> (section <c>ClickHouse</c>, checked at start)
    /// and registers a singleton <see cref="ClickHouseClient"/>: it is thread-safe and pools HTTP
    /// connections, so one per process is what the driver recommends.
    /// </summary>
    public static IServiceCollection AddInsightsClickHouse(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ClickHouseClient)))
        {
            return services; // already added (e.g. by AddSchemaMigrations): one client per process
        }

        // BindConfiguration resolves IConfiguration from the container; make sure it is the caller's.
        services.TryAddSingleton(configuration);
        services.AddOptions<ClickHouseOptions>()
            .BindConfiguration(ClickHouseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClickHouseOptions>>().Value;
            var settings = new ClickHouseClientSettings(options.ConnectionString)
            {
                LoggerFactory = sp.GetService<ILoggerFactory>() is { } logs ? new CancelledQueryLoggerFactory(logs) : null,
            };
            return new ClickHouseClient(settings);
        });
        return services;
    }
}
