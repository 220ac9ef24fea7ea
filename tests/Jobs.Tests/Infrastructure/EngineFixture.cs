using ClickHouse.Driver;
using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.Jobs.Tests.Infrastructure;

/// <summary>One embedded ClickHouse for the test run (one engine per process); each test uses a database of its own.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly DirectoryInfo dataPath = Directory.CreateTempSubdirectory("icesco-jobs-ch-");

    public EmbeddedClickHouseServer Server { get; private set; } = null!;

    public ClickHouseClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = dataPath.FullName, Port = 0 });
        Client = new ClickHouseClient(Server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        dataPath.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "jobs over the embedded engine";
}
