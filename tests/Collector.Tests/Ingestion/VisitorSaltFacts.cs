using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>Daily salts are agreed through ClickHouse: every Collector hashes a visitor the same way, and the salt changes each day.</summary>
[Collection(EngineCollection.Name)]
public sealed class VisitorSaltFacts(EngineFixture engine)
{
    [Fact]
    public async Task Two_collectors_on_one_database_agree_on_the_days_salt()
    {
        using var first = new CollectorApp(engine);
        using var second = new CollectorApp(engine, new Dictionary<string, string?> { ["ClickHouse:Database"] = first.Database });
        _ = first.CreateClient(); // starts the host: migrations run
        _ = second.CreateClient();

        var salts = await Task.WhenAll(
            first.Services.GetRequiredService<DailySaltStore>().TodayAsync(CancellationToken.None),
            second.Services.GetRequiredService<DailySaltStore>().TodayAsync(CancellationToken.None));
        Assert.Equal(32, salts[0].Length);
        Assert.Equal(salts[0], salts[1]);
    }

    [Fact]
    public async Task Concurrent_offers_for_one_day_settle_on_a_single_salt_and_the_next_day_gets_another()
    {
        using var app = new CollectorApp(engine);
        _ = app.CreateClient();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 23, 59, 0, TimeSpan.Zero));
        DailySaltStore Store() => new(engine.Client, Options.Create(new ClickHouseOptions { Database = app.Database }), time, NullLogger<DailySaltStore>.Instance);

        var offers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store().TodayAsync(CancellationToken.None)));
        Assert.All(offers, salt => Assert.Equal(offers[0], salt));

        time.Advance(TimeSpan.FromMinutes(2)); // past midnight UTC
        var tomorrow = await Store().TodayAsync(CancellationToken.None);
        Assert.NotEqual(offers[0], tomorrow);
        Assert.NotEqual(
            VisitorHasher.Hash(offers[0], "203.0.113.5", "Mozilla/5.0", "icesco.org"),
            VisitorHasher.Hash(tomorrow, "203.0.113.5", "Mozilla/5.0", "icesco.org"));
    }

    [Fact]
    public async Task The_request_path_reads_the_agreed_salt_without_waiting_and_not_past_its_day()
    {
        using var app = new CollectorApp(engine);
        _ = app.CreateClient();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var store = new DailySaltStore(engine.Client, Options.Create(new ClickHouseOptions { Database = app.Database }), time, NullLogger<DailySaltStore>.Instance);

        Assert.False(store.TryGetToday(out _)); // not agreed yet: the caller goes to ClickHouse
        var agreed = await store.TodayAsync(CancellationToken.None);
        Assert.True(store.TryGetToday(out var cached));
        Assert.Equal(agreed, cached);

        time.Advance(TimeSpan.FromMinutes(2)); // past midnight UTC: yesterday's salt must not be used
        Assert.False(store.TryGetToday(out _));
        var tomorrow = await store.TodayAsync(CancellationToken.None);
        Assert.True(store.TryGetToday(out var next));
        Assert.Equal(tomorrow, next);
        Assert.NotEqual(agreed, next);
    }
}
