using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;
using Icesco.Insights.Storage.ReferenceData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Brings the database named by <see cref="ClickHouseOptions.Database"/> up to date: creates it if
/// missing, applies the pending numbered migrations in order under the schema lock, records each in
/// <c>schema_migrations</c>, keeps the raw-event TTL in line with the options and seeds reference data.
/// Running it again changes nothing; an applied migration whose text changed is refused.
/// </summary>
public sealed class SchemaMigrator(
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouseOptions,
    IOptions<SchemaMigrationOptions> migrationOptions,
    TimeProvider time,
    ILogger<SchemaMigrator> logger)
{
    private readonly string owner = migrationOptions.Value.Owner
        ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The migrations shipped in this assembly, in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.Load();

    /// <summary>The migrations this instance applies; tests replace it to simulate an edited file.</summary>
    internal IReadOnlyList<Migration> Catalog { get; set; } = Migrations;

    /// <summary>Applies what is pending and returns what this call changed.</summary>
    /// <exception cref="SchemaMigrationException">An applied migration was edited, or the lock could not be obtained in time.</exception>
    public async Task<SchemaMigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var options = clickHouseOptions.Value;
        var database = options.Database;
        var topology = SchemaTopology.For(options);
        var plan = MigrationPlan.For(Catalog, options); // before any DDL: a statement the topology cannot translate stops here
        await SchemaBootstrap.EnsureAsync(client, plan.Bootstrap, cancellationToken).ConfigureAwait(false);

        var schemaLock = new SchemaLock(client, database, owner, logger);
        var lease = await schemaLock.AcquireAsync(migrationOptions.Value, time, cancellationToken).ConfigureAwait(false);
        try
        {
            var history = new SchemaHistory(client, database);
            var applied = await ApplyPendingAsync(history, plan, options, cancellationToken).ConfigureAwait(false);
            await RawEventRetention.ApplyAsync(client, options, topology, logger, cancellationToken).ConfigureAwait(false);
            var (memberStates, topics) = await new ReferenceDataSeeder(client, clickHouseOptions, time)
                .SeedAsync(cancellationToken).ConfigureAwait(false);
            SchemaMigratorLog.Completed(logger, database, applied.Count, Catalog.Count, memberStates, topics);
            return new SchemaMigrationResult(database, applied, memberStates, topics);
        }
        finally
        {
            await ReleaseAsync(lease, database).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<AppliedMigration>> ApplyPendingAsync(
        SchemaHistory history, MigrationPlan plan, ClickHouseOptions options, CancellationToken cancellationToken)
    {
        var recorded = (await history.ReadAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(m => m.Version)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var migration in Catalog)
        {
            if (recorded.TryGetValue(migration.Version, out var done) && done.Checksum != migration.Checksum)
            {
                throw new SchemaMigrationException(
                    $"Migration {migration.Name} was changed after it was applied to database '{options.Database}' " +
                    $"(applied checksum {done.Checksum} by {done.AppliedBy} at {done.AppliedAt:O}, file checksum now {migration.Checksum}). " +
                    "Migrations are forward only: restore the file and add a new numbered migration instead.");
            }
        }

        var applied = new List<AppliedMigration>();
        foreach (var migration in Catalog.Where(m => !recorded.ContainsKey(m.Version)))
        {
            var statements = plan.StatementsOf(migration);
            SchemaMigratorLog.Applying(logger, migration.Name, options.Database, statements.Count);
            for (var i = 0; i < statements.Count; i++)
            {
                await client.ExecuteNonQueryAsync(
                    statements[i],
                    options: QueryPurpose.Options($"schema-migration-{migration.Version:D4}-statement-{i + 1}"),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            var appliedAt = time.GetUtcNow().UtcDateTime;
            await history.RecordAsync(migration, owner, appliedAt, cancellationToken).ConfigureAwait(false);
            applied.Add(new AppliedMigration(migration.Version, migration.Name, migration.Checksum, appliedAt, owner));
        }
        return applied;
    }

    private async Task ReleaseAsync(SchemaLease lease, string database)
    {
        try
        {
            // Not the caller's token: a cancelled run must still free the lock for the next owner.
            await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ClickHouseServerException or HttpRequestException)
        {
            // Logged, not rethrown: the migration outcome (or its exception) matters more, and
            // the lease expires on its own.
            SchemaMigratorLog.ReleaseFailed(logger, exception, database);
        }
    }
}
