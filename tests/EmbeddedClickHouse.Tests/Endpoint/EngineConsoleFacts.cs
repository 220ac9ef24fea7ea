using System.Text.RegularExpressions;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>
/// What an operator sees on the endpoint's console, run on a terminal (where the engine, left alone,
/// printed a raw Fatal line for every insert): the engine's lines at their real level, nothing Fatal.
/// </summary>
public sealed partial class EngineConsoleFacts : IDisposable
{
    private const string ThreadStatusReport = "ThreadStatus: current_thread contains invalid address";
    private readonly DirectoryInfo dataPath = Directory.CreateTempSubdirectory("icesco-ch-console-");

    [Fact]
    public async Task A_run_of_varied_queries_and_inserts_writes_no_fatal_line_to_the_console()
    {
        await using var server = await EmbeddedClickHouseProcess.StartInTerminalAsync(dataPath.FullName);
        using var client = new ClickHouseClient(server.ConnectionString);

        await RunWorkloadAsync(client);

        // The engine logs a failed query at Error; once this one is on the console, so is everything before it.
        var marker = "end-of-run-" + Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<ClickHouseServerException>(() => client.ExecuteScalarAsync($"SELECT throwIf(1, '{marker}')"));
        var console = await WaitForConsoleAsync(server, marker);
        Assert.DoesNotContain("Fatal", console, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", console, StringComparison.Ordinal);
        Assert.Contains("fail: " + EmbeddedClickHouseServer.EngineLogCategory, console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engines_lines_reach_the_console_at_their_own_level_and_its_insert_bookkeeping_at_debug()
    {
        await using var server = await EmbeddedClickHouseProcess.StartInTerminalAsync(dataPath.FullName, "--log-level", "debug");
        using var client = new ClickHouseClient(server.ConnectionString);
        await client.ExecuteNonQueryAsync("CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id");

        await client.InsertBinaryAsync("t", ["id"], Enumerable.Range(1, 10).Select(i => new object[] { (uint)i }));

        var lines = (await WaitForConsoleAsync(server, ThreadStatusReport)).Split('\n');
        var report = Array.FindIndex(lines, l => l.Contains(ThreadStatusReport, StringComparison.Ordinal));
        Assert.StartsWith("dbug: " + EmbeddedClickHouseServer.EngineLogCategory, lines[report - 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("info: " + EmbeddedClickHouseServer.EngineLogCategory, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Fatal", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
    }

    public void Dispose() => dataPath.Delete(recursive: true);

    /// <summary>About three hundred statements of the kinds the services send: DDL, streamed inserts, reads, failures.</summary>
    private static async Task RunWorkloadAsync(ClickHouseClient client)
    {
        await client.ExecuteNonQueryAsync("CREATE TABLE views (id UInt32, site String, at DateTime('UTC')) ENGINE = MergeTree ORDER BY (site, id)");
        await client.ExecuteNonQueryAsync("CREATE TABLE per_site (site String, n UInt64) ENGINE = SummingMergeTree ORDER BY site");
        await client.ExecuteNonQueryAsync("CREATE MATERIALIZED VIEW per_site_mv TO per_site AS SELECT site, count() AS n FROM views GROUP BY site");
        var limited = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["max_threads"] = 1, ["log_comment"] = "console-facts" } };
        for (var round = 0; round < 60; round++)
        {
            var site = $"site-{round % 7}";
            await client.InsertBinaryAsync("views", ["id", "site", "at"], Enumerable.Range(round * 100, 100).Select(i => new object[] { (uint)i, site, DateTime.UtcNow }));
            var parameters = new ClickHouseParameterCollection();
            parameters.AddParameter("site", site);
            await client.ExecuteScalarAsync("SELECT count() FROM views WHERE site = {site:String}", parameters);
            await client.ExecuteScalarAsync("SELECT sum(n) FROM per_site FINAL", options: limited);
            await client.ExecuteScalarAsync("SELECT uniqExact(site) FROM views");
            await Assert.ThrowsAsync<ClickHouseServerException>(() => client.ExecuteScalarAsync("SELECT * FROM no_such_table"));
        }

        await client.ExecuteNonQueryAsync("OPTIMIZE TABLE views FINAL");
        Assert.Equal(6000ul, await client.ExecuteScalarAsync("SELECT count() FROM views"));
    }

    private static async Task<string> WaitForConsoleAsync(EmbeddedClickHouseProcess server, string text)
    {
        await server.Process.WaitForLineAsync(text, EmbeddedClickHouseProcess.Deadline);
        return Plain(server.Process.Output);
    }

    // A terminal gets colours and mode switches; the assertions are about the words.
    private static string Plain(string output) => Escapes().Replace(output, string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Escapes();
}
