namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

[Collection(EmbeddedEngineCollection.Name)]
public sealed class ConcurrencyFacts(EmbeddedEngineFixture engine)
{
    [Fact]
    public async Task Eight_queries_run_at_once_each_get_their_own_answer()
    {
        var queries = Enumerable.Range(1, 8).Select(async n =>
            (n, sum: await engine.Client.ExecuteScalarAsync($"SELECT sum(number) FROM numbers({n * 1_000_000}) WHERE sleepEachRow(0) = 0")));

        var results = await Task.WhenAll(queries);

        foreach (var (n, sum) in results)
        {
            var count = (ulong)n * 1_000_000;
            Assert.Equal(count * (count - 1) / 2, sum);
        }
    }

    [Fact]
    public async Task Queries_run_side_by_side_rather_than_queue_behind_one_connection()
    {
        // Each query counts the tagged queries running when it starts, then sleeps: served one at a
        // time, every query would see only itself.
        var tag = Guid.NewGuid().ToString("N");
        var queries = Enumerable.Range(0, 8).Select(_ => engine.Client.ExecuteScalarAsync(
            $"SELECT (SELECT count() FROM system.processes WHERE query LIKE '%{tag}%') AS running FROM system.one WHERE sleep(2) = 0"));

        var running = await Task.WhenAll(queries);

        Assert.True(running.Max(r => Convert.ToInt32(r, System.Globalization.CultureInfo.InvariantCulture)) >= 2, $"largest overlap seen: {string.Join(", ", running)}");
    }
}
