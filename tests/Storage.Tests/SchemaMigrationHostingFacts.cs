using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Icesco.Insights.Storage.Tests;

[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class SchemaMigrationHostingFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task A_host_with_schema_migrations_has_the_schema_when_it_has_started()
    {
        var database = EmbeddedClickHouseFixture.NewDatabaseName();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ClickHouse:ConnectionString"] = clickHouse.ConnectionString;
        builder.Configuration["ClickHouse:Database"] = database;
        builder.Configuration["ClickHouse:RawEventRetention"] = "90.00:00:00";
        builder.Services.AddSchemaMigrations(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal((long)SchemaMigrator.Migrations.Count, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {database}.schema_migrations"));
        Assert.Equal(57L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {database}.member_states FINAL"));
    }
}
