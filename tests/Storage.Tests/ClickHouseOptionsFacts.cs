using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Tests;

public sealed class ClickHouseOptionsFacts
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSchemaMigrations(configuration).BuildServiceProvider();
    }

    private static OptionsValidationException Invalid(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClickHouseOptions>>().Value);
    }

    [Fact]
    public void Defaults_apply_when_only_the_connection_string_is_set()
    {
        using var services = Services(new() { ["ClickHouse:ConnectionString"] = "Host=localhost" });
        var options = services.GetRequiredService<IOptions<ClickHouseOptions>>().Value;
        Assert.Equal("icesco_insights", options.Database);
        Assert.Equal(TimeSpan.FromDays(400), options.RawEventRetention);
        Assert.Equal(400, options.RawEventRetentionDays);
        Assert.Equal(TimeSpan.FromMinutes(2), services.GetRequiredService<IOptions<SchemaMigrationOptions>>().Value.LockTimeout);
    }

    [Fact]
    public void A_missing_connection_string_is_rejected_with_its_name()
    {
        Assert.Contains("ConnectionString", Invalid([]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1db")]
    [InlineData("db; DROP TABLE x")]
    [InlineData("my-db")]
    [InlineData("db.other")]
    public void A_database_name_that_is_not_an_identifier_is_rejected(string database)
    {
        var error = Invalid(new() { ["ClickHouse:ConnectionString"] = "Host=localhost", ["ClickHouse:Database"] = database });
        Assert.Contains("ClickHouse:Database", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-cluster")]
    [InlineData("insights ON CLUSTER x")]
    [InlineData("'insights'")]
    public void A_cluster_name_that_is_not_an_identifier_is_rejected(string cluster)
    {
        var error = Invalid(new() { ["ClickHouse:ConnectionString"] = "Host=localhost", ["ClickHouse:Cluster"] = cluster });
        Assert.Contains("ClickHouse:Cluster", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("1.12:00:00")]
    [InlineData("4000.00:00:00")]
    public void A_retention_that_is_not_a_whole_number_of_days_in_range_is_rejected(string retention)
    {
        var error = Invalid(new() { ["ClickHouse:ConnectionString"] = "Host=localhost", ["ClickHouse:RawEventRetention"] = retention });
        Assert.Contains("ClickHouse:RawEventRetention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_client_is_registered_even_when_both_extensions_are_called()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ClickHouse:ConnectionString"] = "Host=localhost" }).Build();
        var services = new ServiceCollection().AddInsightsClickHouse(configuration).AddSchemaMigrations(configuration);
        Assert.Single(services, d => d.ServiceType == typeof(global::ClickHouse.Driver.ClickHouseClient));
    }
}
