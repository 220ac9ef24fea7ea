using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Live;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Dashboard.Tests.Live;

/// <summary>The hour of minute points at fixed instants, minute boundaries included (the tick's clock is any instant).</summary>
[Collection(EngineCollection.Name)]
public sealed class ViewsPerMinuteFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);
    private DashboardApp app = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database);
        // One view 20 minutes before the minute: its topic's series is the one filled.
        var at = Minute.AddMinutes(-20).UtcDateTime;
        await engine.Client.InsertBinaryAsync(
            "page_views",
            ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"],
            [new object[] { Guid.NewGuid(), at, at, "icesco.org", "a-1", "https://icesco.org/a-1", "/a-1", "science", new[] { "MA" }, 1ul, "MA", "en", "desktop", "" }],
            QueryPurpose.Insert("test-views-per-minute", database));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Theory]
    [InlineData(0)]      // exactly on the minute
    [InlineData(1)]      // its first millisecond
    [InlineData(999)]    // still in its first second, which the query's whole seconds round away
    [InlineData(30_000)]
    [InlineData(59_999)] // the last millisecond of the minute
    public async Task The_hour_has_60_minute_points_ending_with_the_current_minute_at_any_instant(int millisecondsIntoMinute)
    {
        var now = Minute.AddMilliseconds(millisecondsIntoMinute);
        var reader = app.Services.GetRequiredService<LiveStateReader>();

        var state = (await reader.ReadAsync([LiveFilter.All], now, CancellationToken.None))[LiveFilter.All];

        var points = Assert.Single(state.ViewsPerMinute.ByTopic).Points;
        Assert.Equal(60, points.Count);
        Assert.Equal(Minute.AddMinutes(-59), points[0].Minute);
        Assert.Equal(Minute, points[^1].Minute);
        Assert.Equal(1, points.Single(p => p.Minute == Minute.AddMinutes(-20)).Views);
    }
}
