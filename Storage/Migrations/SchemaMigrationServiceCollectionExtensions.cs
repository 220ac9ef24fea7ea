using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>Registers the schema migrator and, optionally, its run at host start.</summary>
public static class SchemaMigrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SchemaMigrator"/> (with <see cref="InsightsClickHouseServiceCollectionExtensions.AddInsightsClickHouse"/>'s client and options)
    /// and <see cref="SchemaMigrationHostedService"/>, which migrates at start unless
    /// <c>ClickHouse:Migrations:ApplyOnStart</c> is false. Only the owner of the schema (the Collector,
    /// or a launcher) should call this; readers need only <see cref="InsightsClickHouseServiceCollectionExtensions.AddInsightsClickHouse"/>.
    /// </summary>
    public static IServiceCollection AddSchemaMigrations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddInsightsClickHouse(configuration);
        services.AddOptions<SchemaMigrationOptions>()
            .BindConfiguration(SchemaMigrationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<SchemaState>();
        services.AddHostedService<SchemaMigrationHostedService>();
        services.AddHealthChecks().AddCheck<SchemaState>("schema");
        return services;
    }
}
