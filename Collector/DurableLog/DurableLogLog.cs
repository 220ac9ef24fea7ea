namespace Icesco.Insights.Collector.DurableLog;

/// <summary>Source-generated log messages of the durable write path.</summary>
internal static partial class DurableLogLog
{
    [LoggerMessage(1, LogLevel.Information, "Durable log {Directory} opened: {Segments} segments, {Records} records on disk, {Backlog} not yet in ClickHouse, resuming at {Committed}")]
    public static partial void Opened(ILogger logger, string directory, int segments, int records, long backlog, LogPosition committed);

    [LoggerMessage(2, LogLevel.Warning, "Torn tail in {File} at byte {Offset}: {Cut} bytes of an interrupted write were cut (they were never acknowledged)")]
    public static partial void TornTailCut(ILogger logger, string file, long offset, long cut);

    [LoggerMessage(3, LogLevel.Critical, "Durable log damaged: record at byte {Offset} of {File} fails its checksum. The flusher stops there; accepted events after it stay on disk until an operator repairs or moves the file")]
    public static partial void Corrupted(ILogger logger, string file, long offset);

    [LoggerMessage(4, LogLevel.Information, "Pending batch {Start}..{End} from before the restart is sent again with its original tokens")]
    public static partial void ResendingPending(ILogger logger, LogPosition start, long end);

    [LoggerMessage(5, LogLevel.Warning, "Flushing batch {Batch} ({Events} events) to ClickHouse failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void FlushFailed(ILogger logger, Exception exception, string batch, int events, int attempt, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Information, "Batch {Batch} reached ClickHouse after {Attempt} attempts")]
    public static partial void FlushRecovered(ILogger logger, string batch, int attempt);

    [LoggerMessage(7, LogLevel.Error, "Appending to the durable log failed; {Requests} requests were refused")]
    public static partial void AppendFailed(ILogger logger, Exception exception, int requests);

    [LoggerMessage(8, LogLevel.Warning, "Durable log full ({DiskBytes} of {MaxDiskBytes} bytes); answering Retry-After")]
    public static partial void Full(ILogger logger, long diskBytes, long maxDiskBytes);

    [LoggerMessage(9, LogLevel.Information, "Shutdown flush done: {Backlog} events remain in the log for the next start")]
    public static partial void ShutdownFlushed(ILogger logger, long backlog);

    [LoggerMessage(10, LogLevel.Warning, "Shutdown flush stopped early ({Reason}): {Backlog} events remain in the log for the next start")]
    public static partial void ShutdownFlushIncomplete(ILogger logger, Exception? exception, string reason, long backlog);

    [LoggerMessage(11, LogLevel.Error, "The flusher cannot read the durable log or write its checkpoint (attempt {Attempt}); retrying in {Delay}")]
    public static partial void ReadFailed(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Warning, "ClickHouse refused {Rows} rows of {Table} for their content (code {Code}); sending them in halves to find the refused ones")]
    public static partial void RowsRefused(ILogger logger, string table, int rows, int code);

    [LoggerMessage(13, LogLevel.Error, "ClickHouse refused event {EventId} for {Table} (code {Code}); kept aside in {File}, the rest of its batch is stored")]
    public static partial void BadRowKept(ILogger logger, string table, Guid eventId, int code, string file);
}
