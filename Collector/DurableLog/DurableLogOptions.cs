using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Settings of the durable write path, bound from the <c>DurableLog</c> section and checked at start.
/// Every bound is explicit so that disk and memory use follow from configuration alone.
/// </summary>
public sealed class DurableLogOptions : IValidatableObject
{
    public const string SectionName = "DurableLog";

    /// <summary>Where the segments, the checkpoint and the log id live; one directory per Collector instance.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "./.data/collector-log";

    /// <summary>A segment is closed and a new one started once it would pass this size.</summary>
    [Range(64 * 1024, 1L << 30, ErrorMessage = "DurableLog:SegmentSize must be between 64 KiB and 1 GiB.")]
    public long SegmentSize { get; set; } = 16L * 1024 * 1024;

    /// <summary>Disk bound: the sum of live segments never passes it; beyond it the sink answers "full".</summary>
    [Range(1024 * 1024, long.MaxValue, ErrorMessage = "DurableLog:MaxDiskBytes must be at least 1 MiB.")]
    public long MaxDiskBytes { get; set; } = 1L << 30;

    /// <summary>
    /// How long the writer waits for more appends to share one fsync; zero (the default) turns
    /// waiting off — requests that arrive while an fsync runs still share the next one, and a
    /// fixed wait only added latency in the benchmark (docs/benchmarks.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.100", ErrorMessage = "DurableLog:GroupCommitWindow must be between 0 and 100 ms.")]
    public TimeSpan GroupCommitWindow { get; set; } = TimeSpan.Zero;

    /// <summary>The longest an accepted event waits in the log before the flusher sends it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01", ErrorMessage = "DurableLog:FlushInterval must be between 10 ms and 1 s.")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most events in one batch. At most the driver's own batch size (100,000): the driver splits
    /// larger inserts, and every part would carry the same deduplication token.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "DurableLog:FlushBatchSize must be between 1 and 100,000.")]
    public int FlushBatchSize { get; set; } = 5_000;

    /// <summary>First wait after a failed insert; doubled per failure up to <see cref="RetryBackoffMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "DurableLog:RetryBackoffInitial must be between 1 ms and 10 min.")]
    public TimeSpan RetryBackoffInitial { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between two insert attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "DurableLog:RetryBackoffMax must be between 1 ms and 1 h.")]
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Readiness turns unhealthy when more events than this are not yet in ClickHouse.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "DurableLog:BacklogReadinessThreshold must be positive.")]
    public long BacklogReadinessThreshold { get; set; } = 500_000;

    /// <summary>How many recent event ids are remembered for deduplication (memory is bounded by it).</summary>
    [Range(1, 100_000_000, ErrorMessage = "DurableLog:DuplicateWindow must be between 1 and 100,000,000.")]
    public int DuplicateWindow { get; set; } = 100_000;

    /// <summary>What the sink tells a client to wait when the log is full.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DurableLog:RetryAfter must be between 1 s and 1 h.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    // Memory held by the write path, per unit of its settings: estimates from the objects involved, with margin;
    // the benchmark's peak RSS under the heap limit is what checks them (docs/benchmarks.md, "Collector speed"):
    //   an event read back for a flush: the decoded event, its row for the driver and its share of the
    //   driver's serialized and compressed buffers;
    internal const long BytesPerBatchedEvent = 2 * 1024;

    //   a remembered id: the Guid in the window's hash set and in its queue, with their overhead.
    internal const long BytesPerRememberedId = 64;

    //   the writer's request buffer grows to the largest request: up to 1,000 events of at most 1 MB of body.
    internal const long LogBufferBytes = 2L * 1024 * 1024;

    //   what requests in flight (bodies, parsed documents, events on their way to the log) are left at least.
    internal const long InFlightReserveBytes = 16L * 1024 * 1024;

    /// <summary>
    /// What the write path holds at most, from these settings alone:
    /// <c>FlushBatchSize × 2 KiB + DuplicateWindow × 64 B + 2 MiB</c> (defaults: 9.8 + 6.1 + 2 = 17.9 MiB).
    /// With 16 MiB left for requests in flight it must fit in the managed heap's limit (<c>System.GC.HeapHardLimit</c>
    /// in the Collector's runtimeconfig, 64 MiB; <c>DOTNET_GCHeapHardLimit</c> overrides it).
    /// </summary>
    public long HeldBytes => (FlushBatchSize * BytesPerBatchedEvent) + (DuplicateWindow * BytesPerRememberedId) + LogBufferBytes;

    /// <summary>The start-up check of <see cref="HeldBytes"/> against the heap available, or null when it fits.</summary>
    public ValidationResult? CheckMemory(long heapBytes) =>
        HeldBytes + InFlightReserveBytes <= heapBytes
            ? null
            : new ValidationResult(
                $"DurableLog:FlushBatchSize ({FlushBatchSize:N0}) × 2 KiB + DurableLog:DuplicateWindow ({DuplicateWindow:N0}) × 64 B + 2 MiB = {HeldBytes / (1024.0 * 1024):N0} MiB " +
                $"plus 16 MiB for requests in flight does not fit in the managed heap's limit ({heapBytes / (1024.0 * 1024):N0} MiB): lower them or raise DOTNET_GCHeapHardLimit.",
                [nameof(FlushBatchSize), nameof(DuplicateWindow)]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var heap = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (heap > 0 && CheckMemory(heap) is { } memory)
        {
            yield return memory;
        }

        if (RetryBackoffMax < RetryBackoffInitial)
        {
            yield return new ValidationResult(
                $"DurableLog:RetryBackoffMax ({RetryBackoffMax}) must not be below DurableLog:RetryBackoffInitial ({RetryBackoffInitial}).",
                [nameof(RetryBackoffMax)]);
        }

        if (MaxDiskBytes < SegmentSize)
        {
            yield return new ValidationResult(
                $"DurableLog:MaxDiskBytes ({MaxDiskBytes}) must be at least DurableLog:SegmentSize ({SegmentSize}).",
                [nameof(MaxDiskBytes)]);
        }
    }
}
