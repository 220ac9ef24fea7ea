using System.Net;
using ClickHouse.Driver;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>
/// Per-query memory accounting is in force through the endpoint: the engine's queries run on threads
/// whose thread status it knows, so <c>max_memory_usage</c> refuses what needs more.
/// </summary>
[Collection(EmbeddedEngineCollection.Name)]
public sealed class MemoryLimitFacts(EmbeddedEngineFixture engine)
{
    private const int MemoryLimitExceeded = 241;
    private const string MemoryLimitExceededHeader = "241";
    private const string TenMegabytes = "10000000";

    // groupArray over 100 million numbers needs about 800 MB; the limit is 10 MB.
    private const string Greedy = "SELECT length(groupArray(number)) FROM numbers(100000000)";

    [Fact]
    public async Task A_query_over_max_memory_usage_set_in_the_url_is_refused_with_the_engines_code()
    {
        using var response = await engine.Http.GetAsync($"?max_memory_usage={TenMegabytes}&query={Uri.EscapeDataString(Greedy)}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MemoryLimitExceededHeader, response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.Contains("MEMORY_LIMIT_EXCEEDED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_over_max_memory_usage_sent_by_the_driver_is_refused_and_the_next_query_is_not_limited()
    {
        var limited = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["max_memory_usage"] = TenMegabytes } };

        var error = await Assert.ThrowsAsync<ClickHouseServerException>(() => engine.Client.ExecuteScalarAsync(Greedy, options: limited));

        Assert.Equal(MemoryLimitExceeded, error.ErrorCode);
        Assert.Equal(1_000_000ul, await engine.Client.ExecuteScalarAsync("SELECT length(groupArray(number)) FROM numbers(1000000)"));
    }

    [Fact]
    public async Task A_query_over_max_memory_usage_in_its_own_settings_clause_is_refused()
    {
        var error = await Assert.ThrowsAsync<ClickHouseServerException>(
            () => engine.Client.ExecuteScalarAsync($"{Greedy} SETTINGS max_memory_usage = {TenMegabytes}"));

        Assert.Equal(MemoryLimitExceeded, error.ErrorCode);
    }

    [Fact]
    public async Task A_streamed_insert_over_max_memory_usage_is_refused_and_keeps_nothing()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (id UInt64, note String) ENGINE = MergeTree ORDER BY id");
        var rows = string.Concat(Enumerable.Range(1, 1_000_000).Select(i => $"{i},row {i}\n"));

        using var response = await engine.Http.PostAsync(
            $"?max_memory_usage=1000000&query={Uri.EscapeDataString($"INSERT INTO {database}.t FORMAT CSV")}", new StringContent(rows));

        Assert.Equal(MemoryLimitExceededHeader, response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.Equal(0ul, await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {database}.t"));
    }
}
