using ClickHouse.Driver;
using Icesco.Insights.EmbeddedClickHouse;
using Xunit;

namespace Icesco.Insights.TestSupport;

/// <summary>
/// One embedded ClickHouse in the test process (the engine allows one per process), on a fresh
/// directory, shared by a test collection; tests isolate themselves with a database of their own.
/// </summary>
public class EmbeddedEngine(string directoryPrefix) : IAsyncLifetime
{
    private readonly DirectoryInfo dataPath = Directory.CreateTempSubdirectory(directoryPrefix);

    public EmbeddedClickHouseServer Server { get; private set; } = null!;

    public ClickHouseClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = dataPath.FullName, Port = 0 });
        Client = new ClickHouseClient(Server.ConnectionString);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        dataPath.Delete(recursive: true);
    }
}
