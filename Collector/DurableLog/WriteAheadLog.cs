namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The append-only log on disk that holds every accepted event until it is in ClickHouse.
/// One writer appends (<see cref="DurableEventSink"/>), one reader flushes (<see cref="LogFlusher"/>);
/// the state they share — segment lengths made durable, the flushed position, the backlog — is
/// guarded by one lock, and file I/O happens outside it.
/// </summary>
public sealed partial class WriteAheadLog : IDisposable
{
    private readonly object gate = new();
    private readonly DurableLogOptions options;
    private readonly ILogger logger;
    private readonly DurableLogMetrics metrics;
    private readonly RecentEventIds recentIds;

    // Guarded by gate. Lengths are durable lengths: bytes a reader may read.
    private readonly SortedDictionary<long, long> segments;
    private readonly Dictionary<long, long> damage;
    private long diskBytes;
    private long backlog;
    private LogPosition committed;
    private PendingRange? pending;
    private bool full;

    private WriteAheadLog(DurableLogOptions options, ILogger logger, DurableLogMetrics metrics, string directory)
    {
        this.options = options;
        this.logger = logger;
        this.metrics = metrics;
        Directory = directory;
        recentIds = new RecentEventIds(options.DuplicateWindow);
        Id = LogId.LoadOrCreate(directory);
        var recovered = LogRecovery.Run(directory, recentIds, logger);
        segments = recovered.Segments;
        damage = recovered.Damage;
        backlog = recovered.Backlog;
        committed = recovered.Checkpoint.Committed;
        pending = recovered.Checkpoint.Pending;
        diskBytes = segments.Values.Sum();
        OpenActiveSegment(recovered.NextSegment);
        DurableLogLog.Opened(logger, directory, segments.Count, recovered.Records, backlog, committed);
        metrics.Observe(this);
    }

    /// <summary>Opens (replaying and repairing) the log in <see cref="DurableLogOptions.Directory"/>.</summary>
    public static WriteAheadLog Open(DurableLogOptions options, ILogger<WriteAheadLog> logger, DurableLogMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = System.IO.Directory.CreateDirectory(Path.GetFullPath(options.Directory)).FullName;
        return new WriteAheadLog(options, logger, metrics, directory);
    }

    public string Directory { get; }

    /// <summary>Made once per log directory; part of every deduplication token.</summary>
    public Guid Id { get; }

    /// <summary>Events durable in the log and not yet in ClickHouse.</summary>
    public long Backlog
    {
        get
        {
            lock (gate)
            {
                return backlog;
            }
        }
    }

    /// <summary>Bytes of the live segments.</summary>
    public long DiskBytes
    {
        get
        {
            lock (gate)
            {
                return diskBytes;
            }
        }
    }

    /// <summary>The last append was refused for lack of room, and no append has succeeded since.</summary>
    public bool IsFull
    {
        get
        {
            lock (gate)
            {
                return full;
            }
        }
    }

    /// <summary>Where the flusher resumes: everything before it is in ClickHouse.</summary>
    public LogPosition Committed
    {
        get
        {
            lock (gate)
            {
                return committed;
            }
        }
    }

    /// <summary>Damaged records found, as (segment file, byte offset); empty when the log is intact.</summary>
    public IReadOnlyList<(string File, long Offset)> Damage
    {
        get
        {
            lock (gate)
            {
                return [.. damage.OrderBy(d => d.Key).Select(d => (SegmentFiles.PathOf(Directory, d.Key), d.Value))];
            }
        }
    }

    public void Dispose() => active?.Dispose();
}
