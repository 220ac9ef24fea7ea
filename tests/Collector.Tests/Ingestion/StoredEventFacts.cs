using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>Accepted events reach ClickHouse through the real durable log.</summary>
[Collection(EngineCollection.Name)]
public sealed class StoredEventFacts(EngineFixture engine) : IDisposable
{
    private readonly CollectorApp app = new(engine);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_batch_with_invalid_events_keeps_its_valid_ones_and_they_reach_clickhouse()
    {
        const string site = "www.icesco.org";
        var custom = app;
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var response = await EventsApiFacts.PostAsync(custom.CreateClient(), $$"""
            [{"type":"pageview","event_id":"{{first}}","url":"https://{{site}}/en/a"},
             {"type":"feedback","url":"https://{{site}}/en/a","rating":99},
             {"type":"feedback","event_id":"{{second}}","url":"https://{{site}}/ar/b","rating":2,"comment":"call +212 612345678"}]
            """);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected")[0];
        Assert.Equal((1, "events[1].rating", "within-scale"), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("field").GetString(), rejected.GetProperty("rule").GetString()));

        var views = await Eventually.UntilAsync(
            () => CountAsync(custom.Database, "page_views", first), n => n == 1, what: "the page view in ClickHouse");
        var comment = await Eventually.UntilAsync(
            () => engine.Client.ExecuteScalarAsync($"SELECT any(comment) FROM {custom.Database}.feedback WHERE event_id = '{second}'"),
            c => c is string { Length: > 0 }, what: "the feedback in ClickHouse");
        Assert.Equal(1UL, views);
        Assert.Equal("call [phone]", comment);
    }

    private async Task<ulong> CountAsync(string database, string table, Guid id) =>
        Convert.ToUInt64(await engine.Client.ExecuteScalarAsync($"SELECT count() FROM {database}.{table} WHERE event_id = '{id}'"), null);
}
