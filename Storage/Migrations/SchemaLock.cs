using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// A lease-based lock kept in ClickHouse itself, so it spans processes and machines with nothing
/// else to run. Acquiring is a compare-and-set: whoever sees generation N free inserts the row for
/// N+1 with <c>insert_deduplication_token = schema-lock-(N+1)</c>; the server keeps only the first
/// such insert, and reading back the owner of N+1 tells each contender whether it won.
/// Expiry is judged by the server's clock, so skew between migrating machines does not matter.
/// See docs/decisions/0002-schema-migration-lock.md.
/// </summary>
internal sealed class SchemaLock(ClickHouseClient client, string database, string owner, ILogger logger)
{
    public async Task<SchemaLease> AcquireAsync(SchemaMigrationOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var latest = await ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            if (latest is { Free: false } && latest.Owner == owner)
            {
                // Our own lease, left by an attempt of this migrator that failed before it could
                // release (ClickHouse went away mid-migration): attempts run one after another, so
                // it is safe to carry on under it rather than wait for it to expire.
                SchemaMigratorLog.LockAcquired(logger, database, latest.Generation, owner);
                return new SchemaLease(this, latest.Generation);
            }

            if (latest is null || latest.Free)
            {
                var generation = (latest?.Generation ?? 0) + 1;

                // Claim and read back without the caller's token: a stop arriving in between must not
                // leave a lease we hold but never learn about (it would block the next owner until it
                // expires). If we won and are being stopped, give it back at once.
                await InsertAsync(generation, "acquire", options.LockLease, CancellationToken.None).ConfigureAwait(false);
                var winner = await ReadOwnerAsync(generation, CancellationToken.None).ConfigureAwait(false);
                if (winner == owner)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        await ReleaseAsync(generation, CancellationToken.None).ConfigureAwait(false);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    SchemaMigratorLog.LockAcquired(logger, database, generation, owner);
                    return new SchemaLease(this, generation);
                }
                latest = new LockState(generation, winner ?? "?", Free: false);
            }

            var waited = time.GetElapsedTime(started);
            if (waited >= options.LockTimeout)
            {
                throw new SchemaMigrationException(
                    $"Timed out after {waited} waiting for the schema lock of database '{database}', held by '{latest.Owner}' " +
                    $"(generation {latest.Generation}). It frees itself when its lease ends (ClickHouse:Migrations:LockLease).");
            }
            SchemaMigratorLog.LockWaiting(logger, database, latest.Owner, latest.Generation, waited);
            await Task.Delay(options.LockPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal Task ReleaseAsync(ulong generation, CancellationToken cancellationToken) =>
        InsertAsync(generation, "release", TimeSpan.Zero, cancellationToken);

    private async Task<LockState?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT generation,
                   anyIf(owner, action = 'acquire') AS owner,
                   countIf(action = 'release') > 0 OR maxIf(expires_at, action = 'acquire') <= now64(3) AS free
            FROM {database}.schema_lock
            WHERE generation = (SELECT max(generation) FROM {database}.schema_lock)
            GROUP BY generation
            """;
        using var reader = await client.ExecuteReaderAsync(sql, options: QueryPurpose.Options("schema-lock-read"), cancellationToken: cancellationToken).ConfigureAwait(false);
        return reader.Read()
            ? new LockState(Convert.ToUInt64(reader.GetValue(0), null), reader.GetString(1), Convert.ToBoolean(reader.GetValue(2), null))
            : null;
    }

    private async Task<string?> ReadOwnerAsync(ulong generation, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("generation", generation);
        var result = await client.ExecuteScalarAsync(
            $"SELECT any(owner) FROM {database}.schema_lock WHERE generation = {{generation:UInt64}} AND action = 'acquire'",
            parameters,
            QueryPurpose.Options("schema-lock-read-owner"),
            cancellationToken).ConfigureAwait(false);
        return result as string;
    }

    private async Task InsertAsync(ulong generation, string action, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("generation", generation);
        parameters.AddParameter("owner", owner);
        parameters.AddParameter("action", action);
        parameters.AddParameter("lease_ms", (ulong)lease.TotalMilliseconds);
        var settings = new Dictionary<string, object>
        {
            ["insert_deduplicate"] = 1,
            ["insert_deduplication_token"] = $"schema-lock-{generation}-{action}",
        };
        await client.ExecuteNonQueryAsync(
            $$"""
            INSERT INTO {{database}}.schema_lock (generation, owner, action, at, expires_at)
            VALUES ({generation:UInt64}, {owner:String}, {action:String}, now64(3), now64(3) + toIntervalMillisecond({lease_ms:UInt64}))
            """,
            parameters,
            QueryPurpose.Options($"schema-lock-{action}", settings: settings),
            cancellationToken).ConfigureAwait(false);
    }

    private sealed record LockState(ulong Generation, string Owner, bool Free);
}

/// <summary>A held schema lock, released explicitly (or by its lease running out).</summary>
internal sealed class SchemaLease(SchemaLock owner, ulong generation)
{
    public ulong Generation { get; } = generation;

    public Task ReleaseAsync(CancellationToken cancellationToken) => owner.ReleaseAsync(Generation, cancellationToken);
}
