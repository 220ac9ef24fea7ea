using ClickHouse.Driver;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>Settings in a request's URL apply to that query only, as on a ClickHouse server.</summary>
[Collection(EmbeddedEngineCollection.Name)]
public sealed class SettingsIsolationFacts(EmbeddedEngineFixture engine)
{
    // More requests than the pool has connections, so every connection serves both kinds.
    private const int Rounds = 40;

    [Fact]
    public async Task A_setting_sent_with_one_query_is_not_seen_by_the_next()
    {
        var withSetting = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["max_result_rows"] = 12345, ["log_comment"] = "isolation" } };
        var defaults = (string?)await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_result_rows'))");

        for (var i = 0; i < Rounds; i++)
        {
            Assert.Equal("12345", await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_result_rows'))", options: withSetting));
            Assert.Equal(defaults, await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_result_rows'))"));
            Assert.Equal(string.Empty, await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('log_comment'))"));
        }
    }

    [Fact]
    public async Task A_SET_statement_does_not_change_later_requests()
    {
        var before = await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_threads'))");

        for (var i = 0; i < Rounds; i++)
        {
            await engine.Client.ExecuteNonQueryAsync("SET max_threads = 1");
        }

        for (var i = 0; i < Rounds; i++)
        {
            Assert.Equal(before, await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_threads'))"));
        }
    }

    [Fact]
    public async Task The_database_of_one_request_is_not_the_default_of_the_next()
    {
        var database = await engine.CreateDatabaseAsync();

        for (var i = 0; i < Rounds; i++)
        {
            Assert.Equal(database, await engine.Client.ExecuteScalarAsync("SELECT currentDatabase()", options: new QueryOptions { Database = database }));
            Assert.Equal("default", await engine.Client.ExecuteScalarAsync("SELECT currentDatabase()"));
        }
    }

    [Fact]
    public async Task An_unknown_setting_fails_its_query_and_leaves_the_connection_clean()
    {
        var bad = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["max_result_rows"] = 777, ["no_such_setting_anywhere"] = 1 } };

        for (var i = 0; i < Rounds; i++)
        {
            var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => engine.Client.ExecuteScalarAsync("SELECT 1", options: bad));
            Assert.Equal(115, error.ErrorCode);
            Assert.NotEqual("777", await engine.Client.ExecuteScalarAsync("SELECT toString(getSetting('max_result_rows'))"));
        }
    }
}
