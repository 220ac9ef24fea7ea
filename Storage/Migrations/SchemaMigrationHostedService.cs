using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Migrates the schema while the host starts, before it serves anything: a service must not accept
/// work for tables that do not exist yet. A failure stops the host, with the reason in the log.
/// </summary>
public sealed class SchemaMigrationHostedService(SchemaMigrator migrator, IOptions<SchemaMigrationOptions> options) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApplyOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
