using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Migrates the schema when the host starts. By default before it serves anything — a service must
/// not accept work for tables that do not exist yet, and a failure stops the host with the reason in
/// the log. With <see cref="SchemaMigrationOptions.BlockStartup"/> off it migrates in the background
/// and keeps retrying while ClickHouse is out of reach.
/// </summary>
public sealed class SchemaMigrationHostedService(
    SchemaMigrator migrator,
    SchemaState state,
    IOptions<SchemaMigrationOptions> options,
    TimeProvider time,
    ILogger<SchemaMigrationHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? background;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyOnStart)
        {
            return;
        }

        if (options.Value.BlockStartup)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            state.MarkCurrent();
            return;
        }

        background = Task.Run(() => MigrateUntilDoneAsync(stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (background is { IsCompleted: false })
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await background.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => stopping.Dispose();

    private async Task MigrateUntilDoneAsync(CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                state.MarkCurrent();
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or global::ClickHouse.Driver.ClickHouseServerException or TimeoutException or IOException or SchemaMigrationException)
            {
                state.MarkFailed(e.Message);
                SchemaMigratorLog.RetryingInBackground(logger, attempt, pause, e.Message);
            }

            await Task.Delay(pause, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.Value.RetryBackoffMax.Ticks));
        }
    }
}
