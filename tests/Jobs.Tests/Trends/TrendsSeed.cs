using ClickHouse.Driver;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Jobs.Tests.Trends;

/// <summary>
/// A migrated database of its own with a known 9-week history of topic "science" (ISO weeks from Monday
/// 2026-01-05): weeks 1–8 have 100, 102, 98, 101, 99, 103, 97, 100 views from visitors 1–50, split over
/// Monday and Tuesday (so daily uniques would sum to 100, the week has 50); week 9 is a spike of 300 views
/// from visitors 1–100. Week 8 has 40 ratings (20 × 5, 20 × 2 of 5); week 9 has 60 (see <see cref="Week9Ratings"/>).
/// Events sit at 12:00 UTC, inside the same local day in Africa/Casablanca (UTC+1, or UTC+0 in Ramadan).
/// </summary>
public sealed class TrendsSeed : IAsyncDisposable
{
    public static readonly DateOnly Week1 = new(2026, 1, 5);
    /// <summary>Monday after week 9 (2026-03-02 to 03-08), a week on: every seeded period has ended.</summary>
    public static readonly DateTimeOffset AfterTheWeeks = new(2026, 3, 16, 0, 0, 0, TimeSpan.Zero);

    public static readonly int[] WeeklyViews = [100, 102, 98, 101, 99, 103, 97, 100, 300];

    // (rating, scale, count): satisfied = 20 + 15 + 10 = 45 of 60.
    public static readonly (byte Rating, byte Scale, int Count)[] Week9Ratings = [(5, 5, 20), (4, 5, 15), (8, 10, 10), (3, 5, 10), (6, 10, 5)];

    private readonly ServiceProvider services;

    private TrendsSeed(ServiceProvider services, string database, FakeTimeProvider clock)
    {
        this.services = services;
        Database = database;
        Clock = clock;
    }

    public string Database { get; }

    public TrendsJob Job => services.GetRequiredService<TrendsJob>();

    /// <summary>The seed's services, for tests that add features over the same database.</summary>
    public IServiceProvider Services => services;

    public FakeTimeProvider Clock { get; }

    /// <param name="engine">The test run's engine.</param>
    /// <param name="settings">More configuration (e.g. <c>Reports:Directory</c>).</param>
    /// <param name="addFeatures">More registrations over the same configuration (e.g. <c>AddReports</c>).</param>
    /// <param name="now">The clock's start; by default after the seeded weeks, so that they are whole periods.</param>
    public static async Task<TrendsSeed> CreateAsync(
        EngineFixture engine, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? addFeatures = null, DateTimeOffset? now = null)
    {
        var database = $"trends_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var clock = new FakeTimeProvider(now ?? AfterTheWeeks);
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSchemaMigrations(configuration);
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddTrends();
        addFeatures?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var seed = new TrendsSeed(provider, database, clock);
        await seed.InsertHistoryAsync(engine.Client);
        return seed;
    }

    private async Task InsertHistoryAsync(ClickHouseClient client)
    {
        var views = new List<object[]>();
        var feedback = new List<object[]>();
        for (var week = 0; week < WeeklyViews.Length; week++)
        {
            var monday = Week1.AddDays(7 * week);
            var visitors = week == 8 ? 100 : 50;
            for (var i = 0; i < WeeklyViews[week]; i++)
            {
                var day = i < WeeklyViews[week] / 2 ? monday : monday.AddDays(1);
                views.Add(PageView("science", day, (ulong)(i % visitors) + 1));
            }
        }
        var week8 = Week1.AddDays(7 * 7 + 2);
        feedback.AddRange(Enumerable.Range(0, 20).Select(_ => Feedback("science", week8, 5, 5)));
        feedback.AddRange(Enumerable.Range(0, 20).Select(_ => Feedback("science", week8, 2, 5)));
        var week9 = Week1.AddDays(7 * 8 + 2);
        foreach (var (rating, scale, count) in Week9Ratings)
        {
            feedback.AddRange(Enumerable.Range(0, count).Select(_ => Feedback("science", week9, rating, scale)));
        }

        // Topic "culture" in week 9: 10 views, 5 ratings of 5 → a small sample (< 30).
        views.AddRange(Enumerable.Range(1, 10).Select(v => PageView("culture", week9, (ulong)v)));
        feedback.AddRange(Enumerable.Range(0, 5).Select(_ => Feedback("culture", week9, 5, 5)));

        string[] common = ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"];
        await client.InsertBinaryAsync("page_views", common, views, QueryPurpose.Insert("test-seed-page-views", Database));
        await client.InsertBinaryAsync("feedback", [.. common, "rating", "rating_scale", "comment"], feedback, QueryPurpose.Insert("test-seed-feedback", Database));
    }

    private static object[] PageView(string topic, DateOnly day, ulong visitor)
    {
        var at = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return [Guid.NewGuid(), at, at, "icesco.org", $"{topic}-1", $"https://icesco.org/{topic}-1", $"/{topic}-1", topic, new[] { "MA" }, visitor, "MA", "ar", "desktop", ""];
    }

    private static object[] Feedback(string topic, DateOnly day, byte rating, byte scale) =>
        [.. PageView(topic, day, 1), rating, scale, ""];

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
