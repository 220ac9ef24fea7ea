namespace Icesco.Insights.Collector.DurableLog;

/// <summary>The flusher's side: reading batches after the checkpoint and moving the checkpoint past them.</summary>
public sealed partial class WriteAheadLog
{
    /// <summary>
    /// The next batch to send: the pending one left by a stopped process, exactly as it was,
    /// else up to <paramref name="maxEvents"/> durable records after the checkpoint; null when none.
    /// </summary>
    /// <exception cref="LogCorruptedException">The next record is damaged.</exception>
    internal LogBatch? ReadNextBatch(int maxEvents)
    {
        long segment, start, limit;
        bool resent;
        List<long> flushed;
        lock (gate)
        {
            flushed = ReleaseFlushedSegments();
            if (pending is { } range)
            {
                (segment, start, limit, resent) = (range.Start.Segment, range.Start.Offset, range.End, true);
            }
            else
            {
                (segment, start, limit, resent) = (committed.Segment, committed.Offset, segments[committed.Segment], false);
                if (damage.TryGetValue(segment, out var bad) && bad < limit)
                {
                    limit = bad;
                }
            }
        }

        DeleteSegments(flushed);
        if (start >= limit)
        {
            if (!resent && damage.TryGetValue(segment, out var bad) && bad == start)
            {
                throw new LogCorruptedException(SegmentFiles.PathOf(Directory, segment), start, "checksum mismatch");
            }

            return null;
        }

        var (events, end) = SegmentReader.Read(SegmentFiles.PathOf(Directory, segment), start, limit, resent ? int.MaxValue : maxEvents);
        return new LogBatch(Id, new LogPosition(segment, start), end, events, resent);
    }

    /// <summary>Durably notes the batch as in flight, so a restart re-sends exactly this range with the same tokens.</summary>
    internal void BeginBatch(LogBatch batch)
    {
        if (batch.Resent)
        {
            return; // its intent is already on disk
        }

        lock (gate)
        {
            pending = new PendingRange(batch.Start, batch.End);
        }

        new FlushCheckpoint(batch.Start, pending).Save(Directory);
    }

    /// <summary>The batch is in ClickHouse: moves the checkpoint past it and deletes segments no longer needed.</summary>
    internal void CompleteBatch(LogBatch batch)
    {
        var next = new LogPosition(batch.Start.Segment, batch.End);
        new FlushCheckpoint(next, null).Save(Directory);
        List<long> flushed;
        lock (gate)
        {
            committed = next;
            pending = null;
            backlog -= batch.Events.Count;
            flushed = ReleaseFlushedSegments();
        }

        DeleteSegments(flushed);
    }

    // Under gate. Moves the checkpoint over fully read, closed segments (never the active one nor
    // past damage) and hands back the segments before it, which are all in ClickHouse.
    private List<long> ReleaseFlushedSegments()
    {
        if (pending is null)
        {
            while (committed.Segment != activeSegment
                && !damage.ContainsKey(committed.Segment)
                && (!segments.TryGetValue(committed.Segment, out var length) || committed.Offset >= length))
            {
                committed = new LogPosition(segments.Keys.First(s => s > committed.Segment), 0);
            }
        }

        var flushed = segments.Keys.TakeWhile(s => s < committed.Segment).ToList();
        foreach (var segment in flushed)
        {
            diskBytes -= segments[segment];
            segments.Remove(segment);
            full = false; // room was made: readiness must not wait for the next append to say so
        }

        return flushed;
    }

    private void DeleteSegments(List<long> flushed)
    {
        foreach (var segment in flushed)
        {
            File.Delete(SegmentFiles.PathOf(Directory, segment));
        }
    }
}
