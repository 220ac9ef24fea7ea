using ClickHouse.Driver;
using Hangfire;
using Hangfire.Storage;
using Icesco.Insights.Jobs.Retention;
using Icesco.Insights.Jobs.Tests.Hosting;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Jobs.Tests.Retention;

[Collection(EngineCollection.Name)]
public sealed class RetentionJobFacts(EngineFixture engine)
{
    private static readonly string[] Common =
        ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states", "visitor_hash", "country", "language", "device", "referrer_host"];

    private static object[] PageView(DateTime at) =>
        [Guid.NewGuid(), at, at, "icesco.org", "science-1", "https://icesco.org/science-1", "/science-1", "science", new[] { "MA" }, 1UL, "MA", "ar", "desktop", ""];

    /// <summary>A migrated database of its own; the schema keeps raw events (TTL) for the default 400 days.</summary>
    private async Task<string> MigratedDatabaseAsync()
    {
        var database = $"retention_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSchemaMigrations(configuration).BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>The retention job with a shorter retention than the schema's TTL, so only the job can have removed anything.</summary>
    private ServiceProvider Retention(string database, TimeSpan retention, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
            ["ClickHouse:RawEventRetention"] = retention.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddInsightsClickHouse(configuration);
        services.AddRetention();
        return services.BuildServiceProvider();
    }

    private async Task<ulong> CountAsync(string sql) => Convert.ToUInt64(await engine.Client.ExecuteScalarAsync(sql), null);

    [Fact]
    public async Task Months_wholly_older_than_the_retention_are_dropped_and_the_recent_month_and_the_rollups_stay()
    {
        var database = await MigratedDatabaseAsync();
        // Relative to the real clock, so the schema's own 400-day TTL never touches these rows, whenever this runs.
        var now = DateTimeOffset.UtcNow;
        var old = new DateTime(now.Year, now.Month, 15, 12, 0, 0, DateTimeKind.Utc).AddMonths(-3);
        var recent = now.UtcDateTime.AddMinutes(-5);
        await engine.Client.InsertBinaryAsync(
            "page_views", Common, [PageView(old), PageView(old), PageView(recent)], QueryPurpose.Insert("test-retention-views", database));
        await engine.Client.InsertBinaryAsync(
            "feedback", [.. Common, "rating", "rating_scale", "comment"], [[.. PageView(old), (byte)5, (byte)5, ""], [.. PageView(recent), (byte)4, (byte)5, ""]],
            QueryPurpose.Insert("test-retention-feedback", database));
        var oldMonth = old.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

        await using var services = Retention(database, TimeSpan.FromDays(30), now);
        var dropped = await services.GetRequiredService<RetentionJob>().DropExpiredAsync(CancellationToken.None);

        Assert.Equal([("feedback", oldMonth, 1L), ("page_views", oldMonth, 2L)], dropped.Select(p => (p.Table, p.PartitionId, p.Rows)));
        Assert.Equal(1UL, await CountAsync($"SELECT count() FROM {database}.page_views"));
        Assert.Equal(1UL, await CountAsync($"SELECT count() FROM {database}.feedback"));
        Assert.Equal(0UL, await CountAsync($"SELECT count() FROM {database}.page_views WHERE event_time < now() - INTERVAL 60 DAY"));
        // The rollups filled at insert time still hold the dropped month.
        var monthStart = new DateTime(old.Year, old.Month, 1, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2UL, await CountAsync(
            $"SELECT sum(views) FROM {database}.engagement_by_topic_1m WHERE toStartOfMonth(minute) = toDate('{monthStart}')"));
        Assert.Equal(1UL, await CountAsync(
            $"SELECT sum(ratings) FROM {database}.engagement_by_member_state_1m WHERE toStartOfMonth(minute) = toDate('{monthStart}')"));

        // Nothing more to drop on the next run.
        Assert.Empty(await services.GetRequiredService<RetentionJob>().DropExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_the_default_retention_nothing_recent_is_dropped()
    {
        var database = await MigratedDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await engine.Client.InsertBinaryAsync(
            "page_views", Common, [PageView(now.UtcDateTime.AddDays(-100)), PageView(now.UtcDateTime)], QueryPurpose.Insert("test-retention-views", database));

        await using var services = Retention(database, TimeSpan.FromDays(400), now);

        Assert.Empty(await services.GetRequiredService<RetentionJob>().DropExpiredAsync(CancellationToken.None));
        Assert.Equal(2UL, await CountAsync($"SELECT count() FROM {database}.page_views"));
    }

    [Fact]
    public async Task The_retention_command_drops_the_expired_months_and_prints_each()
    {
        var database = await MigratedDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        var old = new DateTime(now.Year, now.Month, 15, 12, 0, 0, DateTimeKind.Utc).AddMonths(-3);
        await engine.Client.InsertBinaryAsync(
            "page_views", Common, [PageView(old), PageView(now.UtcDateTime.AddMinutes(-5))], QueryPurpose.Insert("test-retention-views", database));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Icesco.Insights.Jobs.Commands.JobsCommandLine.RunAsync(
            ["retention", $"--ClickHouse:ConnectionString={engine.Server.ConnectionString}", $"--ClickHouse:Database={database}",
             "--ClickHouse:RawEventRetention=30.00:00:00"], output, error, CancellationToken.None);

        Assert.True(exit == Icesco.Insights.Jobs.Commands.ExitCodes.Success, error.ToString());
        Assert.Contains($"dropped page_views {old:yyyyMM}: 1 rows", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1UL, await CountAsync($"SELECT count() FROM {database}.page_views"));
    }

    [Fact]
    public async Task The_retention_job_runs_daily_under_its_stable_id()
    {
        await using var factory = new JobsHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var retention = connection.GetRecurringJobs().Single(j => j.Id == "retention-daily");

        Assert.Equal("40 3 * * *", retention.Cron);
        Assert.Equal("Africa/Casablanca", retention.TimeZoneId);
        Assert.Equal(typeof(RetentionJob), retention.Job.Type);
    }
}
