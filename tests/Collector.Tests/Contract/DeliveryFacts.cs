using System.Net;
using System.Text;
using Icesco.Insights.Collector.Tests.Faults;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Contract;

/// <summary>What the website can rely on when it posts: each event counted once, however often it is sent.</summary>
[Collection(EngineCollection.Name)]
public sealed class DeliveryFacts(EngineFixture engine)
{
    [Fact]
    public async Task The_same_event_id_sent_three_times_is_stored_once()
    {
        using var app = new CollectorApp(engine);
        using var http = Client(app);
        var id = Guid.NewGuid();

        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(http, EventLoad.Batch([id]));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await ExactlyOnce.AssertAsync(engine.Client, app.Database, [id], Eventually.DefaultDeadline);
        Assert.Equal(1ul, await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {app.Database}.page_views"));
    }

    [Fact]
    public async Task A_batch_retried_after_a_lost_answer_is_counted_once_in_the_raw_table_and_the_rollup()
    {
        using var app = new CollectorApp(engine);
        using var http = Client(app);
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        var batch = EventLoad.Batch(ids);

        using (await PostAsync(http, batch))
        {
            // The website never saw this answer and sends the same batch again.
        }

        using var retry = await PostAsync(http, batch);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Contains("\"duplicates\":50", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ExactlyOnce.AssertAsync(engine.Client, app.Database, ids, Eventually.DefaultDeadline);
        await Eventually.UntilAsync(
            async () => Convert.ToUInt64(await engine.Client.ExecuteScalarAsync($"SELECT sum(views) FROM {app.Database}.engagement_by_topic_1m"), System.Globalization.CultureInfo.InvariantCulture),
            views => views == 50,
            what: "50 views in the per-minute rollup");
    }

    [Fact]
    public async Task A_full_log_answers_503_with_retry_after_and_never_202()
    {
        // ClickHouse out of reach, so nothing drains and the smallest allowed log fills up.
        using var app = new CollectorApp(engine, new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = "Host=127.0.0.1;Port=1",
            ["ClickHouse:Migrations:ApplyOnStart"] = "false",
            ["DurableLog:MaxDiskBytes"] = "1048576",
            ["DurableLog:SegmentSize"] = "65536",
        });
        using var http = Client(app);
        var accepted = 0;
        HttpResponseMessage? refusal = null;

        for (var i = 0; i < 5000 && refusal is null; i++)
        {
            var response = await PostAsync(http, EventLoad.Batch(Enumerable.Range(0, 20).Select(_ => Guid.NewGuid())));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
                response.Dispose();
            }
            else
            {
                refusal = response;
            }
        }

        Assert.NotNull(refusal);
        using (refusal)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.StatusCode);
            Assert.True(refusal.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the client when to come back");
        }

        Assert.True(accepted > 0, "the log took events until it was full");
    }

    private static HttpClient Client(CollectorApp app)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd(EventLoad.BrowserAgent);
        return http;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body)
        => http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
}
