using ClickHouse.Driver;
using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>
/// One embedded engine for the whole test run (chDB allows one per process), on a fresh directory.
/// Tests isolate themselves with a database of their own.
/// </summary>
public sealed class EmbeddedEngineFixture : IAsyncLifetime
{
    private readonly DirectoryInfo dataPath = Directory.CreateTempSubdirectory("icesco-ch-tests-");

    public EmbeddedClickHouseServer Server { get; private set; } = null!;

    public ClickHouseClient Client { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        Server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = dataPath.FullName, Port = 0 });
        Client = new ClickHouseClient(Server.ConnectionString);
        Http.BaseAddress = Server.Endpoint;
    }

    /// <summary>Creates a database no other test uses and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await Client.ExecuteNonQueryAsync($"CREATE DATABASE {name}");
        return name;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        dataPath.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedEngineCollection : ICollectionFixture<EmbeddedEngineFixture>
{
    public const string Name = "embedded engine";
}
