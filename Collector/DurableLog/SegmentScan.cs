using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>What reading a whole segment at start found: its records and where (and why) it stopped.</summary>
internal sealed record SegmentScan(
    long Segment,
    IReadOnlyList<(LogPosition Position, CollectedEvent Event)> Records,
    long ValidLength,
    long FileLength,
    SegmentDamage Damage)
{
    /// <summary>
    /// Reads every record of a segment. A bad frame in the last segment with no intact frame after it
    /// is a torn tail (a write the crash interrupted, never acknowledged). Any other bad frame is
    /// damage to acknowledged data; the scan stops there and says so.
    /// </summary>
    public static SegmentScan Read(string path, long segment, bool isLast)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<(LogPosition, CollectedEvent)>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var size = RecordFrame.TryRead(bytes.AsSpan(offset), out var payload);
            if (size == 0)
            {
                var damage = isLast && !HasIntactFrameAfter(bytes, offset) ? SegmentDamage.TornTail : SegmentDamage.Corrupt;
                return new SegmentScan(segment, records, offset, bytes.Length, damage);
            }

            CollectedEvent decoded;
            try
            {
                decoded = EventRecordCodec.Decode(payload);
            }
            catch (InvalidDataException)
            {
                // The checksum matched, so these are the bytes that were written: not a torn write.
                return new SegmentScan(segment, records, offset, bytes.Length, SegmentDamage.Corrupt);
            }

            records.Add((new LogPosition(segment, offset), decoded));
            offset += size;
        }

        return new SegmentScan(segment, records, offset, bytes.Length, SegmentDamage.None);
    }

    // A torn write leaves only garbage behind it; a damaged record in the middle is followed by
    // intact ones. A random match of a 32-bit checksum is too unlikely to matter.
    private static bool HasIntactFrameAfter(byte[] bytes, int badOffset)
    {
        for (var offset = badOffset + 1; offset + RecordFrame.HeaderSize < bytes.Length; offset++)
        {
            if (RecordFrame.TryRead(bytes.AsSpan(offset), out _) > 0)
            {
                return true;
            }
        }

        return false;
    }
}

internal enum SegmentDamage
{
    None,
    TornTail,
    Corrupt,
}
