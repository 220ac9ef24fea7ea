using ClickHouse.Driver;
using ClickHouse.Driver.Compression;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

[Collection(EmbeddedEngineCollection.Name)]
public sealed class BulkInsertFacts(EmbeddedEngineFixture engine)
{
    private const int Rows = 1_000_000;

    public static TheoryData<string> Compressions => ["zstd", "gzip", "br", "lz4", "none"];

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task A_million_rows_inserted_in_binary_all_arrive(string compression)
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync(
            $"CREATE TABLE {database}.views (id UInt64, topic LowCardinality(String), at DateTime64(3, 'UTC'), rating UInt8) ENGINE = MergeTree ORDER BY id");
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var topics = new[] { "education", "culture", "heritage" };
        var rows = Enumerable.Range(0, Rows).Select(i => new object[] { (ulong)i, topics[i % 3], start.AddMilliseconds(i), (byte)(i % 5 + 1) });

        var written = await engine.Client.InsertBinaryAsync(
            $"{database}.views", ["id", "topic", "at", "rating"], rows, new InsertOptions { Compressor = Compressor(compression), BatchSize = 250_000 });

        Assert.Equal(Rows, written);
        using var reader = await engine.Client.ExecuteReaderAsync(
            $"SELECT count(), sum(id), countIf(topic = 'heritage'), sum(rating), max(at) FROM {database}.views");
        Assert.True(reader.Read());
        Assert.Equal((ulong)Rows, reader.GetFieldValue<ulong>(0));
        Assert.Equal((ulong)Rows * (Rows - 1) / 2, reader.GetFieldValue<ulong>(1));
        Assert.Equal((ulong)(Rows / 3), reader.GetFieldValue<ulong>(2));
        Assert.Equal(3_000_000ul, reader.GetFieldValue<ulong>(3));
        Assert.Equal(start.AddMilliseconds(Rows - 1), reader.GetDateTime(4).ToUniversalTime());
    }

    private static IClickHouseCompressor? Compressor(string name) => name switch
    {
        "zstd" => ZstdCompressor.Default,
        "gzip" => GZipCompressor.Default,
        "br" => BrotliCompressor.Default,
        "lz4" => Lz4Compressor.Default,
        _ => null,
    };
}
