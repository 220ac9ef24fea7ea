using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Storage.Tests;

[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class SchemaMigratorFacts(EmbeddedClickHouseFixture clickHouse)
{
    private Task<List<object[]>> HistoryAsync(string database) =>
        clickHouse.RowsAsync($"SELECT version, name, checksum, applied_at, applied_by FROM {database}.schema_migrations ORDER BY version");

    private Task<List<object[]>> TablesAsync(string database) =>
        clickHouse.RowsAsync($"SELECT name, engine, create_table_query FROM system.tables WHERE database = '{database}' ORDER BY name");

    [Fact]
    public async Task Migrations_applied_twice_change_nothing()
    {
        var options = clickHouse.Options(EmbeddedClickHouseFixture.NewDatabaseName());

        var first = await clickHouse.Migrator(options).MigrateAsync(CancellationToken.None);
        var historyAfterFirst = await HistoryAsync(options.Database);
        var tablesAfterFirst = await TablesAsync(options.Database);
        var second = await clickHouse.Migrator(options).MigrateAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), first.Applied.Select(a => a.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(0, second.SeededMemberStates);
        Assert.Equal(0, second.SeededTopics);
        Assert.Equal(historyAfterFirst, await HistoryAsync(options.Database));
        Assert.Equal(tablesAfterFirst, await TablesAsync(options.Database));
        Assert.Contains(tablesAfterFirst, t => (string)t[0] == "page_views");
    }

    [Fact]
    public async Task Two_migrators_racing_apply_each_migration_exactly_once()
    {
        var options = clickHouse.Options(EmbeddedClickHouseFixture.NewDatabaseName());

        var results = await Task.WhenAll(
            clickHouse.Migrator(options, owner: "racer-a").MigrateAsync(CancellationToken.None),
            clickHouse.Migrator(options, owner: "racer-b").MigrateAsync(CancellationToken.None));

        var appliedVersions = results.SelectMany(r => r.Applied).Select(a => a.Version).Order().ToList();
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), appliedVersions);
        var history = await HistoryAsync(options.Database);
        Assert.Equal(SchemaMigrator.Migrations.Count, history.Count);
        Assert.Equal(57, results.Sum(r => r.SeededMemberStates));
        Assert.Equal(57L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {options.Database}.member_states"));
        // Both took the lock in turn: one generation each, each released.
        Assert.Equal(2L, await clickHouse.ScalarAsync<long>(
            $"SELECT count() FROM {options.Database}.schema_lock WHERE action = 'release'"));
    }

    [Fact]
    public async Task A_migrator_whose_earlier_attempt_died_holding_the_lock_carries_on_under_it()
    {
        var options = clickHouse.Options(EmbeddedClickHouseFixture.NewDatabaseName());
        await clickHouse.Migrator(options, owner: "first-run").MigrateAsync(CancellationToken.None);

        // An attempt by "retrying" took generation 2 and never released it (ClickHouse went away).
        await clickHouse.Client.ExecuteNonQueryAsync(
            $"INSERT INTO {options.Database}.schema_lock (generation, owner, action, at, expires_at) VALUES (2, 'retrying', 'acquire', now64(3), now64(3) + INTERVAL 1 HOUR)");
        var result = await clickHouse.Migrator(options, owner: "retrying").MigrateAsync(CancellationToken.None);

        Assert.Empty(result.Applied);
        Assert.Equal(1L, await clickHouse.ScalarAsync<long>(
            $"SELECT count() FROM {options.Database}.schema_lock WHERE generation = 2 AND action = 'release'"));
    }

    [Fact]
    public async Task A_changed_migration_checksum_fails_with_a_message_naming_the_file()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var edited = SchemaMigrator.Migrations
            .Select(m => m.Version == 2 ? m with { Sql = m.Sql + "\n-- edited after release\n" } : m)
            .ToList();
        var migrator = clickHouse.Migrator(options);
        migrator.Catalog = edited;

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("0002_articles.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains(options.Database, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_event_ttl_follows_the_configured_retention()
    {
        var options = await clickHouse.MigratedDatabaseAsync(retentionDays: 30);
        foreach (var table in new[] { "page_views", "feedback" })
        {
            Assert.Contains("TTL toDateTime(event_time) + toIntervalDay(30)", await EngineAsync(options.Database, table), StringComparison.Ordinal);
        }

        await clickHouse.Migrator(clickHouse.Options(options.Database, retentionDays: 45)).MigrateAsync(CancellationToken.None);

        foreach (var table in new[] { "page_views", "feedback" })
        {
            Assert.Contains("TTL toDateTime(event_time) + toIntervalDay(45)", await EngineAsync(options.Database, table), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_raw_tables_keep_a_deduplication_window()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        foreach (var table in new[] { "page_views", "feedback", "engagement_by_topic_1m", "schema_lock", "schema_migrations" })
        {
            Assert.Contains("non_replicated_deduplication_window = 10000", await EngineAsync(options.Database, table), StringComparison.Ordinal);
        }
    }

    private async Task<string> EngineAsync(string database, string table) =>
        (await clickHouse.RowsAsync($"SELECT engine_full FROM system.tables WHERE database = '{database}' AND name = '{table}'")).Single()[0].ToString()!;
}
