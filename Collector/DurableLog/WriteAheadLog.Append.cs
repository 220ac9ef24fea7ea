using System.Buffers;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>The writer's side: appending groups of requests with one fsync per group.</summary>
public sealed partial class WriteAheadLog
{
    // Touched only by the single writer (and the constructor).
    private readonly ArrayBufferWriter<byte> requestBuffer = new(64 * 1024);
    private readonly List<Guid> uncommittedIds = [];
    private readonly HashSet<Guid> uncommittedIdSet = [];
    private readonly HashSet<Guid> requestIds = [];
    private FileStream? active;
    private long activeSegment;
    private long writtenLength;
    private long syncedLength;
    private int uncommittedEvents;

    // Guarded by gate: wakes the flusher once the backlog reaches a full batch.
    private TaskCompletionSource? workSignal;
    private long workThreshold;

    /// <summary>
    /// Appends each request whole or not at all, then makes them all durable with one fsync.
    /// Called by the single writer only. When it throws, no request of the group may be
    /// acknowledged (though some may be durable: the client's retry is then a duplicate).
    /// </summary>
    internal SinkResult[] AppendGroup(IReadOnlyList<IReadOnlyList<CollectedEvent>> requests)
    {
        var results = new SinkResult[requests.Count];
        try
        {
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = AppendRequest(requests[i]);
            }

            CommitGroup();
        }
        catch
        {
            AbortGroup();
            throw;
        }

        return results;
    }

    private SinkResult AppendRequest(IReadOnlyList<CollectedEvent> events)
    {
        requestBuffer.Clear();
        requestIds.Clear();
        var duplicates = 0;
        foreach (var e in events)
        {
            // Already accepted: before, earlier in this group, or earlier in this very request.
            if (recentIds.Contains(e.EventId) || uncommittedIdSet.Contains(e.EventId) || !requestIds.Add(e.EventId))
            {
                duplicates++;
                continue;
            }

            RecordFrame.Write(e, requestBuffer);
        }

        var stored = requestIds.Count;
        if (stored == 0)
        {
            metrics.Duplicates(duplicates);
            return new SinkResult(0, duplicates, null);
        }

        var bytes = requestBuffer.WrittenCount;
        if (!HasRoomFor(bytes))
        {
            return new SinkResult(0, 0, options.RetryAfter); // all or nothing: none of it is written
        }

        if (writtenLength > 0 && writtenLength + bytes > options.SegmentSize)
        {
            // A request never spans two segments; what the group wrote so far is made durable first.
            CommitGroup();
            RollSegment();
        }

        active!.Write(requestBuffer.WrittenSpan);
        CrashPoints.Reach(CrashPoints.AppendWritten);
        writtenLength += bytes;
        uncommittedEvents += stored;
        uncommittedIds.AddRange(requestIds);
        uncommittedIdSet.UnionWith(requestIds);
        metrics.Duplicates(duplicates);
        return new SinkResult(stored, duplicates, null);
    }

    private bool HasRoomFor(int bytes)
    {
        lock (gate)
        {
            if (diskBytes + (writtenLength - syncedLength) + bytes <= options.MaxDiskBytes)
            {
                return true;
            }

            if (!full)
            {
                DurableLogLog.Full(logger, diskBytes, options.MaxDiskBytes);
            }

            full = true;
            return false;
        }
    }

    /// <summary>fsyncs what the group wrote, then publishes it to the flusher and to deduplication.</summary>
    private void CommitGroup()
    {
        if (writtenLength == syncedLength)
        {
            return;
        }

        active!.Flush(flushToDisk: true);
        CrashPoints.Reach(CrashPoints.FsyncDone);
        TaskCompletionSource? wake = null;
        lock (gate)
        {
            diskBytes += writtenLength - syncedLength;
            segments[activeSegment] = writtenLength;
            backlog += uncommittedEvents;
            full = false;
            if (workSignal is not null && backlog >= workThreshold)
            {
                (wake, workSignal) = (workSignal, null);
            }
        }

        syncedLength = writtenLength;
        foreach (var id in uncommittedIds)
        {
            recentIds.Add(id);
        }

        metrics.Appended(uncommittedEvents);
        uncommittedIds.Clear();
        uncommittedIdSet.Clear();
        uncommittedEvents = 0;
        wake?.TrySetResult();
    }

    private void AbortGroup()
    {
        uncommittedIds.Clear();
        uncommittedIdSet.Clear();
        uncommittedEvents = 0;
        if (writtenLength != syncedLength && active is not null)
        {
            // Cut what was written but not acknowledged; if even that fails, the next start's
            // recovery reads it back (its ids then count as accepted, which is safe).
            active.SetLength(syncedLength);
            active.Position = syncedLength;
            writtenLength = syncedLength;
        }
    }

    private void RollSegment()
    {
        active!.Dispose();
        OpenActiveSegment(activeSegment + 1);
    }

    private void OpenActiveSegment(long segment)
    {
        var path = SegmentFiles.PathOf(Directory, segment);
        active = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        DurableFiles.SyncDirectory(Directory); // the new name must survive a crash, or its records would vanish with it
        activeSegment = segment;
        writtenLength = 0;
        syncedLength = 0;
        lock (gate)
        {
            segments[segment] = 0;
        }
    }

    /// <summary>A task that completes once the backlog reaches <paramref name="threshold"/> (at once if it has).</summary>
    internal Task WhenBacklogReaches(long threshold)
    {
        lock (gate)
        {
            if (backlog >= threshold)
            {
                return Task.CompletedTask;
            }

            workSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            workThreshold = threshold;
            return workSignal.Task;
        }
    }
}
