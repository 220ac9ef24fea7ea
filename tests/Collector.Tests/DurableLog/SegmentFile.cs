using System.Buffers.Binary;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>Reads segment files by the documented format (length, CRC-32C, payload), independently of the log's own reader.</summary>
internal static class SegmentFile
{
    public static List<string> All(string directory) =>
        [.. Directory.GetFiles(directory, "*.log").Order(StringComparer.Ordinal)];

    /// <summary>Every record's offset and event, in log order, across segments.</summary>
    public static List<(string File, long Offset, CollectedEvent Event)> Records(string directory)
    {
        var records = new List<(string, long, CollectedEvent)>();
        foreach (var file in All(directory))
        {
            var bytes = File.ReadAllBytes(file);
            var offset = 0;
            while (offset + 8 <= bytes.Length)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
                if (offset + 8 + length > bytes.Length)
                {
                    break;
                }

                records.Add((file, offset, EventRecordCodec.Decode(bytes.AsSpan(offset + 8, length))));
                offset += 8 + length;
            }
        }

        return records;
    }
}
