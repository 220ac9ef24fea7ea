using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>A migrated database of the test's own, for tests that insert rows directly rather than through the Collector.</summary>
public static class TestDatabase
{
    public static async Task<string> CreateAsync(EngineFixture engine)
    {
        var database = $"d_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSchemaMigrations(configuration);
        services.AddSingleton<IConfiguration>(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }
}
