namespace Icesco.Insights.Collector.DurableLog;

/// <summary>What the log found on disk at start, after cutting torn tails.</summary>
internal sealed record RecoveredLog(
    FlushCheckpoint Checkpoint,
    SortedDictionary<long, long> Segments,
    Dictionary<long, long> Damage,
    long Backlog,
    int Records,
    long NextSegment);

/// <summary>
/// Replays the log at start: drops segments the checkpoint says are already in ClickHouse, reads
/// every other record (their ids seed deduplication; those after the checkpoint are the backlog),
/// cuts a torn tail, and records — without skipping — any damage to acknowledged records.
/// </summary>
internal static class LogRecovery
{
    public static RecoveredLog Run(string directory, RecentEventIds recentIds, ILogger logger)
    {
        var onDisk = SegmentFiles.List(directory);
        var checkpoint = FlushCheckpoint.Load(directory)
            ?? new FlushCheckpoint(new LogPosition(onDisk.Count > 0 ? onDisk[0].Segment : 1, 0), null);
        var committed = checkpoint.Committed;

        var segments = new SortedDictionary<long, long>();
        var damage = new Dictionary<long, long>();
        long backlog = 0;
        var records = 0;
        for (var i = 0; i < onDisk.Count; i++)
        {
            var (segment, _) = onDisk[i];
            var path = SegmentFiles.PathOf(directory, segment);
            if (segment < committed.Segment)
            {
                // Flushed, but the process stopped before deleting it.
                File.Delete(path);
                continue;
            }

            var scan = SegmentScan.Read(path, segment, isLast: i == onDisk.Count - 1);
            foreach (var (position, e) in scan.Records)
            {
                recentIds.Add(e.EventId);
                if (position >= committed)
                {
                    backlog++;
                }
            }

            records += scan.Records.Count;
            segments[segment] = scan.Damage == SegmentDamage.TornTail ? Truncate(path, scan, logger) : scan.FileLength;
            if (scan.Damage == SegmentDamage.Corrupt)
            {
                damage[segment] = scan.ValidLength;
                DurableLogLog.Corrupted(logger, path, scan.ValidLength);
            }
        }

        // Appends always go to a fresh segment: a recovered file is never written to again, so a
        // damaged one stays exactly as found.
        var last = onDisk.Count > 0 ? onDisk[^1].Segment : 0;
        var next = Math.Max(last, committed.Offset > 0 ? committed.Segment : committed.Segment - 1) + 1;
        return new RecoveredLog(checkpoint, segments, damage, backlog, records, next);
    }

    private static long Truncate(string path, SegmentScan scan, ILogger logger)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            stream.SetLength(scan.ValidLength);
            stream.Flush(flushToDisk: true);
        }

        DurableLogLog.TornTailCut(logger, path, scan.ValidLength, scan.FileLength - scan.ValidLength);
        return scan.ValidLength;
    }
}
