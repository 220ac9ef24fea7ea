using ClickHouse.Driver;
using Icesco.Insights.Jobs.Alerts;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Jobs.Tests.Alerts;

/// <summary>
/// The alerts over a migrated database of their own (or a given one), with a fake clock; trend rows are written
/// through the Trends job's own writer, stamped with that clock, so a test says when the trends were computed.
/// </summary>
public sealed class AlertsHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly ClickHouseClient client;

    private AlertsHarness(ServiceProvider services, ClickHouseClient client, string database, FakeTimeProvider clock)
    {
        this.services = services;
        this.client = client;
        Database = database;
        Clock = clock;
    }

    public string Database { get; }

    public FakeTimeProvider Clock { get; }

    public AlertsJob Job => services.GetRequiredService<AlertsJob>();

    public static async Task<AlertsHarness> CreateAsync(EngineFixture engine, Dictionary<string, string?>? settings = null, string? database = null)
    {
        database ??= $"alerts_{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = database,
        }).AddInMemoryCollection(settings ?? []).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)); // before every test's dates: tests move it forward
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSchemaMigrations(configuration);
        collection.AddAlerts();
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return new AlertsHarness(provider, engine.Client, database, clock);
    }

    /// <summary>Writes trend rows as if the Trends job computed them at <paramref name="computedAt"/>.</summary>
    public async Task WriteTrendsAsync(DateTimeOffset computedAt, IEnumerable<TrendRow> rows)
    {
        Clock.SetUtcNow(computedAt);
        await services.GetRequiredService<TrendRowWriter>().WriteAsync([.. rows], CancellationToken.None);
    }

    /// <summary>Runs the evaluation at <paramref name="at"/>.</summary>
    public Task<AlertRun> EvaluateAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return Job.EvaluateAsync(CancellationToken.None);
    }

    /// <summary>The recorded alerts (latest state) as "kind dimension value period start observed baseline emailed".</summary>
    public async Task<List<string>> AlertsAsync()
    {
        var rows = new List<string>();
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT kind, dimension, dimension_value, period_kind, toString(period_start), round(observed, 3), round(baseline, 3), " +
            $"emailed_at IS NOT NULL FROM {Database}.alerts FINAL ORDER BY period_start, kind, dimension, dimension_value");
        while (reader.Read())
        {
            var emailed = Convert.ToBoolean(reader.GetValue(7), null) ? "emailed" : "not-emailed";
            rows.Add(FormattableString.Invariant(
                $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetString(4)} {reader.GetValue(5)} {reader.GetValue(6)} {emailed}"));
        }
        return rows;
    }

    /// <summary>Rows on disk once merged: a re-run that wrote doubles would show here, not only under FINAL.</summary>
    public async Task<ulong> MergedRowCountAsync()
    {
        await client.ExecuteNonQueryAsync($"OPTIMIZE TABLE {Database}.alerts FINAL");
        return Convert.ToUInt64(await client.ExecuteScalarAsync($"SELECT count() FROM {Database}.alerts"), null);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
