using Icesco.Insights.TestSupport;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>The test run's embedded engine, plus a raw HTTP client for what the driver never sends.</summary>
public sealed class EmbeddedEngineFixture() : EmbeddedEngine("icesco-ch-tests-")
{
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Http.BaseAddress = Server.Endpoint;
    }

    /// <summary>Creates a database no other test uses and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await Client.ExecuteNonQueryAsync($"CREATE DATABASE {name}");
        return name;
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedEngineCollection : ICollectionFixture<EmbeddedEngineFixture>
{
    public const string Name = "embedded engine";
}
