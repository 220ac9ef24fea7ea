using ClickHouse.Driver;
using Icesco.Insights.EmbeddedClickHouse;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Tests;

/// <summary>One embedded ClickHouse engine for the whole test run; each test owns a random database.</summary>
public sealed class EmbeddedClickHouseFixture : IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"storage-tests-{Guid.NewGuid():N}");
    private EmbeddedClickHouseServer? server;

    public ClickHouseClient Client { get; private set; } = null!;

    public string ConnectionString => server!.ConnectionString;

    public async Task InitializeAsync()
    {
        server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = dataPath, Port = 0 });
        Client = new ClickHouseClient(server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        Directory.Delete(dataPath, recursive: true);
    }

    public static string NewDatabaseName() => $"test_{Guid.NewGuid():N}";

    public ClickHouseOptions Options(string database, int retentionDays = 400) => new()
    {
        ConnectionString = ConnectionString,
        Database = database,
        RawEventRetention = TimeSpan.FromDays(retentionDays),
    };

    public SchemaMigrator Migrator(ClickHouseOptions options, string? owner = null) => new(
        Client,
        Microsoft.Extensions.Options.Options.Create(options),
        Microsoft.Extensions.Options.Options.Create(new SchemaMigrationOptions
        {
            Owner = owner,
            LockTimeout = TimeSpan.FromMinutes(1),
            LockPollInterval = TimeSpan.FromMilliseconds(50),
        }),
        TimeProvider.System,
        NullLogger<SchemaMigrator>.Instance);

    /// <summary>A freshly migrated random database.</summary>
    public async Task<ClickHouseOptions> MigratedDatabaseAsync(int retentionDays = 400)
    {
        var options = Options(NewDatabaseName(), retentionDays);
        await Migrator(options).MigrateAsync(CancellationToken.None);
        return options;
    }

    public async Task<T> ScalarAsync<T>(string sql) =>
        (T)Convert.ChangeType((await Client.ExecuteScalarAsync(sql, options: QueryPurpose.Options("test-scalar")))!, typeof(T), null);

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        var rows = new List<object[]>();
        using var reader = await Client.ExecuteReaderAsync(sql, options: QueryPurpose.Options("test-rows"));
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedClickHouseGroup : ICollectionFixture<EmbeddedClickHouseFixture>
{
    public const string Name = "embedded ClickHouse";
}
