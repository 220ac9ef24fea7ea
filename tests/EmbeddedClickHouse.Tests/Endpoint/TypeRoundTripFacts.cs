using System.Net;
using ClickHouse.Driver.Utility;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

[Collection(EmbeddedEngineCollection.Name)]
public sealed class TypeRoundTripFacts(EmbeddedEngineFixture engine)
{
    public static TheoryData<string, object> Values => new()
    {
        { "UInt8", (byte)250 },
        { "UInt16", (ushort)65000 },
        { "UInt32", 4_000_000_000u },
        { "UInt64", 18_000_000_000_000_000_000ul },
        { "Int8", (sbyte)-100 },
        { "Int32", -2_000_000_000 },
        { "Int64", -9_000_000_000_000_000_000L },
        { "Float32", 1.5f },
        { "Float64", 0.1 + 0.2 },
        { "Decimal(18, 4)", 12345.6789m },
        { "Bool", true },
        { "String", "سلام — bonjour \"quoted\" 'single' \\ \n\t end" },
        { "FixedString(2)", "MA" },
        { "LowCardinality(String)", "science_technology" },
        { "Nullable(String)", "present" },
        { "UUID", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "Date", new DateTime(2026, 2, 19, 0, 0, 0, DateTimeKind.Unspecified) },
        { "DateTime('UTC')", new DateTime(2026, 11, 26, 7, 0, 1, DateTimeKind.Utc) },
        { "DateTime64(3, 'UTC')", new DateTime(2026, 11, 26, 7, 0, 1, 234, DateTimeKind.Utc) },
        { "Array(LowCardinality(String))", new[] { "MA", "SA", "PS" } },
        { "Array(UInt8)", new byte[] { 1, 2, 5 } },
        { "Map(String, UInt64)", new Dictionary<string, ulong> { ["1"] = 3, ["5"] = 9 } },
        { "Enum8('pageview' = 1, 'feedback' = 2)", "feedback" },
        { "IPv4", IPAddress.Parse("192.0.2.7") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_value_inserted_in_binary_reads_back_unchanged(string type, object value)
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (id UInt32, v {type}) ENGINE = MergeTree ORDER BY id");

        var written = await engine.Client.InsertBinaryAsync($"{database}.t", ["id", "v"], [new object[] { 1u, value }]);
        var read = await engine.Client.ExecuteScalarAsync($"SELECT v FROM {database}.t WHERE id = 1");

        Assert.Equal(1, written);
        Assert.Equal(Normalise(value), Normalise(value is decimal ? Convert.ToDecimal(read, System.Globalization.CultureInfo.InvariantCulture) : read!));
    }

    [Fact]
    public async Task A_null_in_a_nullable_column_reads_back_as_null()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (id UInt32, v Nullable(String)) ENGINE = MergeTree ORDER BY id");

        await engine.Client.InsertBinaryAsync($"{database}.t", ["id", "v"], [new object[] { 1u, DBNull.Value }]);

        Assert.Equal(1ul, await engine.Client.ExecuteScalarAsync($"SELECT countIf(v IS NULL) FROM {database}.t"));
    }

    private static object Normalise(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        string[] strings => string.Join('|', strings),
        System.Collections.IDictionary map => string.Join('|', map.Keys.Cast<object>().Select(k => $"{k}={map[k]}").Order()),
        DateTime time => (time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime()).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
