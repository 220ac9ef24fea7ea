using System.Text.Json;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>The headers a ClickHouse server sends, with real figures.</summary>
[Collection(EmbeddedEngineCollection.Name)]
public sealed class ResponseHeaderFacts(EmbeddedEngineFixture engine)
{
    [Fact]
    public async Task An_insert_reports_the_rows_it_wrote_including_materialized_views()
    {
        var database = await engine.CreateDatabaseAsync();
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt32) ENGINE = MergeTree ORDER BY a");
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.copy (a UInt32) ENGINE = MergeTree ORDER BY a");
        await engine.Client.ExecuteNonQueryAsync($"CREATE MATERIALIZED VIEW {database}.mv TO {database}.copy AS SELECT a FROM {database}.t");

        using var response = await engine.Http.PostAsync(
            $"?query={Uri.EscapeDataString($"INSERT INTO {database}.t FORMAT TSV")}", new StringContent("1\n2\n3\n"));

        response.EnsureSuccessStatusCode();
        using var summary = JsonDocument.Parse(response.Headers.GetValues("X-ClickHouse-Summary").Single());
        Assert.Equal("6", summary.RootElement.GetProperty("written_rows").GetString());
    }

    [Fact]
    public async Task A_query_echoes_its_id_and_names_its_format_and_the_servers_time_zone()
    {
        using var response = await engine.Http.GetAsync("?query=SELECT%20number%20FROM%20numbers(10)%20FORMAT%20JSONEachRow&query_id=report-42");

        response.EnsureSuccessStatusCode();
        Assert.Equal("report-42", response.Headers.GetValues("X-ClickHouse-Query-Id").Single());
        Assert.Equal("JSONEachRow", response.Headers.GetValues("X-ClickHouse-Format").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-ClickHouse-Timezone").Single()));
        using var summary = JsonDocument.Parse(response.Headers.GetValues("X-ClickHouse-Summary").Single());
        Assert.Equal("10", summary.RootElement.GetProperty("result_rows").GetString());
        Assert.Equal("10", summary.RootElement.GetProperty("read_rows").GetString());
        Assert.Equal(10, (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_query_without_a_format_clause_answers_in_the_default_format()
    {
        using var response = await engine.Http.GetAsync("?query=SELECT%201&default_format=CSV");

        Assert.Equal("CSV", response.Headers.GetValues("X-ClickHouse-Format").Single());
        Assert.Equal("1\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_engine_in_the_same_process_is_refused_with_a_clear_reason()
    {
        var other = Directory.CreateTempSubdirectory("icesco-ch-second-");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = other.FullName, Port = 0 }));

            Assert.Contains("one per process", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }
}
