using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>Source-generated log messages of the schema migrator.</summary>
internal static partial class SchemaMigratorLog
{
    [LoggerMessage(1, LogLevel.Information, "Schema lock of {Database} acquired (generation {Generation}, owner {Owner})")]
    public static partial void LockAcquired(ILogger logger, string database, ulong generation, string owner);

    [LoggerMessage(2, LogLevel.Information, "Waiting for the schema lock of {Database}, held by {Holder} (generation {Generation}); waited {Waited}")]
    public static partial void LockWaiting(ILogger logger, string database, string holder, ulong generation, TimeSpan waited);

    [LoggerMessage(3, LogLevel.Information, "Applying migration {Name} to {Database} ({Statements} statements)")]
    public static partial void Applying(ILogger logger, string name, string database, int statements);

    [LoggerMessage(4, LogLevel.Information, "Schema of {Database} is current: {Applied} migrations applied now, {Total} known; seeded {MemberStates} member states and {Topics} topics")]
    public static partial void Completed(ILogger logger, string database, int applied, int total, int memberStates, int topics);

    [LoggerMessage(5, LogLevel.Information, "Raw-event retention of {Table} changed to {Days} days")]
    public static partial void RetentionChanged(ILogger logger, string table, int days);

    [LoggerMessage(6, LogLevel.Warning, "Releasing the schema lock of {Database} failed; it frees itself when its lease ends")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string database);

    [LoggerMessage(7, LogLevel.Warning, "Schema migration attempt {Attempt} failed ({Error}); retrying in {Pause} while the service keeps running")]
    public static partial void RetryingInBackground(ILogger logger, int attempt, TimeSpan pause, string error);
}
