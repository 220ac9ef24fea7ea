using ClickHouse.Driver;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

public sealed class RestartFacts : IDisposable
{
    private readonly DirectoryInfo dataPath = Directory.CreateTempSubdirectory("icesco-ch-restart-");

    [Fact]
    public async Task Data_written_before_a_stop_is_there_after_a_restart_on_the_same_path()
    {
        await using (var first = await EmbeddedClickHouseProcess.StartAsync(dataPath.FullName))
        {
            using var client = new ClickHouseClient($"Host={first.Endpoint.Host};Port={first.Endpoint.Port}");
            await client.ExecuteNonQueryAsync("CREATE TABLE kept (id UInt32, note String) ENGINE = MergeTree ORDER BY id");
            await client.InsertBinaryAsync("kept", ["id", "note"], Enumerable.Range(1, 1000).Select(i => new object[] { (uint)i, $"row {i}" }));
            Assert.Equal(0, await first.StopAsync());
        }

        await using var second = await EmbeddedClickHouseProcess.StartAsync(dataPath.FullName);
        using var again = new ClickHouseClient($"Host={second.Endpoint.Host};Port={second.Endpoint.Port}");
        Assert.Equal(1000ul, await again.ExecuteScalarAsync("SELECT count() FROM kept"));
        Assert.Equal("row 1000", await again.ExecuteScalarAsync("SELECT note FROM kept WHERE id = 1000"));
    }

    [Fact]
    public async Task A_server_started_with_a_password_refuses_clients_without_it()
    {
        await using var server = await EmbeddedClickHouseProcess.StartAsync(dataPath.FullName, 0, "--password", "s3cret");

        using var anonymous = new ClickHouseClient($"Host={server.Endpoint.Host};Port={server.Endpoint.Port};Password=wrong");
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => anonymous.ExecuteScalarAsync("SELECT 1"));
        using var known = new ClickHouseClient($"Host={server.Endpoint.Host};Port={server.Endpoint.Port};Password=s3cret");

        Assert.Equal(516, error.ErrorCode);
        Assert.Equal((byte)1, await known.ExecuteScalarAsync("SELECT 1"));
    }

    public void Dispose() => dataPath.Delete(recursive: true);
}
