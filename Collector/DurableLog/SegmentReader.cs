using System.Buffers;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>Reads records of one segment between two offsets, for the flusher; every record's checksum is checked again.</summary>
internal static class SegmentReader
{
    /// <summary>Reads records from <paramref name="start"/> until <paramref name="limit"/> or <paramref name="maxRecords"/>.</summary>
    /// <returns>The events and the offset just after the last one read.</returns>
    public static (List<CollectedEvent> Events, long End) Read(string path, long start, long limit, int maxRecords)
    {
        var events = new List<CollectedEvent>(Math.Min(maxRecords, 1024));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        stream.Position = start;
        var offset = start;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (offset < limit && events.Count < maxRecords)
            {
                if (limit - offset < RecordFrame.HeaderSize)
                {
                    throw new LogCorruptedException(path, offset, "header cut short");
                }

                stream.ReadExactly(buffer, 0, RecordFrame.HeaderSize);
                var length = RecordFrame.AnnouncedLength(buffer);
                if (length < 0 || offset + RecordFrame.HeaderSize + length > limit)
                {
                    throw new LogCorruptedException(path, offset, "impossible length");
                }

                var size = RecordFrame.HeaderSize + length;
                if (buffer.Length < size)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(size);
                    buffer.AsSpan(0, RecordFrame.HeaderSize).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                stream.ReadExactly(buffer, RecordFrame.HeaderSize, length);
                if (RecordFrame.TryRead(buffer.AsSpan(0, size), out var payload) != size)
                {
                    throw new LogCorruptedException(path, offset, "checksum mismatch");
                }

                events.Add(Decode(payload, path, offset));
                offset += size;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (events, offset);
    }

    private static CollectedEvent Decode(ReadOnlySpan<byte> payload, string path, long offset)
    {
        try
        {
            return EventRecordCodec.Decode(payload);
        }
        catch (InvalidDataException e)
        {
            throw new LogCorruptedException($"Durable log record at byte {offset} of {path} cannot be decoded.", e);
        }
    }
}
