using System.Globalization;

namespace Icesco.Insights.Jobs.Retention;

/// <summary>One month of a raw-event table (partitioned by <c>toYYYYMM(event_time)</c>, UTC), as <c>system.parts</c> lists it.</summary>
/// <param name="Table"><c>page_views</c> or <c>feedback</c>.</param>
/// <param name="PartitionId">The partition's id, <c>YYYYMM</c>.</param>
/// <param name="Rows">Rows in its active parts.</param>
/// <param name="Bytes">Bytes of its active parts on disk.</param>
public sealed record RawEventPartition(string Table, string PartitionId, long Rows, long Bytes)
{
    /// <summary>The first instant of the partition's month, or null when the id is not <c>YYYYMM</c>.</summary>
    public DateTimeOffset? MonthStart =>
        PartitionId.Length == 6
        && PartitionId.All(char.IsAsciiDigit)
        && DateTimeOffset.TryParseExact(PartitionId, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? start
            : null;

    /// <summary>
    /// Whether every event the partition can hold is older than <paramref name="retention"/> at <paramref name="now"/>:
    /// the month ended (UTC) at or before <c>now − retention</c>. A month only partly past it waits for the next run
    /// (the table's TTL removes its expired rows meanwhile).
    /// </summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan retention) =>
        MonthStart is { } start && start.AddMonths(1) <= now - retention;
}
