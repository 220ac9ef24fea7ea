using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

[Collection(EmbeddedEngineCollection.Name)]
public sealed class QueryParameterFacts(EmbeddedEngineFixture engine)
{
    public static TheoryData<string> HostileStrings =>
    [
        "'; DROP TABLE victims; --",
        "\\' OR 1=1 --",
        "{other:String}",
        "line1\nline2\r\n\ttab",
        "nul\0byte",
        "قطر — Côte d’Ivoire — 🇲🇦",
        "`backtick` \"double\" 'single'",
        "",
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task A_string_parameter_is_bound_as_data_never_as_sql(string hostile)
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.victims (s String) ENGINE = MergeTree ORDER BY s");
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("value", hostile);

        var echoed = await engine.Client.ExecuteScalarAsync("SELECT {value:String}", parameters);

        Assert.Equal(hostile, echoed);
        Assert.Equal(0ul, await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {database}.victims"));
    }

    [Fact]
    public async Task Typed_parameters_filter_rows_on_the_engine()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (id UInt32, tags Array(String), at DateTime('UTC')) ENGINE = MergeTree ORDER BY id");
        await engine.Client.ExecuteNonQueryAsync(
            $"INSERT INTO {database}.t VALUES (1, ['MA'], '2026-01-01 00:00:00'), (2, ['SA', 'MA'], '2026-02-01 00:00:00'), (3, ['EG'], '2026-03-01 00:00:00')");
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("state", "MA");
        parameters.AddParameter("since", new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        parameters.AddParameter("ids", new[] { 1u, 2u, 3u });

        var count = await engine.Client.ExecuteScalarAsync(
            $"SELECT count() FROM {database}.t WHERE has(tags, {{state:String}}) AND at >= {{since:DateTime('UTC')}} AND id IN {{ids:Array(UInt32)}}",
            parameters);

        Assert.Equal(1ul, count);
    }
}
