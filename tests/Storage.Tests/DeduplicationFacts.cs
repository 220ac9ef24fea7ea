using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Tests;

[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class DeduplicationFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task A_retried_page_view_batch_with_the_same_token_counts_once_in_raw_events_and_rollups()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var minute = EventBuilder.RecentMinute();
        var batch = Enumerable.Range(0, 10).Select(i => EventBuilder.PageView("site-a", minute.AddSeconds(i), visitor: (ulong)i)).ToList();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await clickHouse.Client.InsertBinaryAsync("page_views", EventBuilder.PageViewColumns, batch,
                QueryPurpose.Insert("test-retried-batch", options.Database, deduplicationToken: "batch-1"));
        }
        var other = new[] { EventBuilder.PageView("site-a", minute, visitor: 99) };
        await clickHouse.Client.InsertBinaryAsync("page_views", EventBuilder.PageViewColumns, other,
            QueryPurpose.Insert("test-next-batch", options.Database, deduplicationToken: "batch-2"));

        var db = options.Database;
        Assert.Equal(11L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {db}.page_views"));
        Assert.Equal(11L, await clickHouse.ScalarAsync<long>($"SELECT sum(views) FROM {db}.engagement_by_topic_1m"));
        Assert.Equal(11L, await clickHouse.ScalarAsync<long>($"SELECT uniqMerge(visitors) FROM {db}.engagement_by_topic_1m"));
        Assert.Equal(11L, await clickHouse.ScalarAsync<long>($"SELECT sum(views) FROM {db}.engagement_by_member_state_1m"));
        Assert.Equal(11L, await clickHouse.ScalarAsync<long>($"SELECT sum(views) FROM {db}.engagement_by_country_1m"));
    }

    [Fact]
    public async Task Concurrent_inserts_with_the_same_token_keep_exactly_one_row()
    {
        // The schema lock's compare-and-set rests on this: of racing inserts carrying one token,
        // the server keeps exactly one, whatever the row contents.
        var options = await clickHouse.MigratedDatabaseAsync();
        for (var round = 1; round <= 5; round++)
        {
            var inserts = Enumerable.Range(0, 8).Select(i =>
            {
                var parameters = new ClickHouseParameterCollection();
                parameters.AddParameter("generation", (ulong)(1000 + round));
                parameters.AddParameter("owner", $"contender-{i}");
                return clickHouse.Client.ExecuteNonQueryAsync(
                    $"INSERT INTO {options.Database}.schema_lock (generation, owner, action, at, expires_at) VALUES ({{generation:UInt64}}, {{owner:String}}, 'acquire', now64(3), now64(3))",
                    parameters,
                    QueryPurpose.Options("test-same-token", settings: new Dictionary<string, object> { ["insert_deduplication_token"] = $"cas-{round}" }));
            });
            await Task.WhenAll(inserts);

            Assert.Equal(1L, await clickHouse.ScalarAsync<long>(
                $"SELECT count() FROM {options.Database}.schema_lock WHERE generation = {1000 + round}"));
        }
    }
}
