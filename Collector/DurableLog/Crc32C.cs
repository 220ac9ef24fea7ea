using System.Buffers.Binary;
using System.Numerics;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// CRC-32C (Castagnoli), the checksum storage systems use for records: <see cref="BitOperations.Crc32C(uint, ulong)"/>
/// runs on the CPU's CRC instruction where there is one, so no package or table is needed.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        while (data.Length >= sizeof(ulong))
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            state = BitOperations.Crc32C(state, b);
        }

        return ~state;
    }
}
