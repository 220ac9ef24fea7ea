using ClickHouse.Driver;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

[Collection(EmbeddedEngineCollection.Name)]
public sealed class ServerErrorFacts(EmbeddedEngineFixture engine)
{
    [Theory]
    [InlineData("SELECT * FROM no_such_table_here", 60)]
    [InlineData("SELEC 1", 62)]
    [InlineData("SELECT no_such_function(1)", 46)]
    [InlineData("SELECT * FROM numbers(3) FORMAT NoSuchFormat", 73)]
    public async Task A_failed_query_raises_the_engines_error_code(string sql, int code)
    {
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => engine.Client.ExecuteScalarAsync(sql));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains("DB::Exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_insert_of_data_that_does_not_parse_fails_and_keeps_nothing()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt32) ENGINE = MergeTree ORDER BY a");

        using var response = await engine.Http.PostAsync(
            $"?query={Uri.EscapeDataString($"INSERT INTO {database}.t FORMAT CSV")}", new StringContent("1\n2\nnot-a-number\n"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("117", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.Equal(0ul, await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {database}.t"));
    }

    [Fact]
    public async Task An_unknown_database_is_reported_as_the_server_does()
    {
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(
            () => engine.Client.ExecuteScalarAsync("SELECT 1", options: new QueryOptions { Database = "no_such_db" }));

        Assert.Equal(81, error.ErrorCode);
    }
}
