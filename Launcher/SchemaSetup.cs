using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Launcher;

/// <summary>Applies the schema migrations and reference data to the engine, through ClickHouse.Driver like any client.</summary>
internal static class SchemaSetup
{
    public static async Task<SchemaMigrationResult> MigrateAsync(Uri endpoint, string database, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = $"Host={endpoint.Host};Port={endpoint.Port};Protocol=http",
            ["ClickHouse:Database"] = database,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
                .AddFilter("System.Net.Http", LogLevel.Warning).AddFilter("ClickHouse", LogLevel.Warning))
            .AddSchemaMigrations(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        return await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
