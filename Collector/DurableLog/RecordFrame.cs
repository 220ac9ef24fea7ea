using System.Buffers;
using System.Buffers.Binary;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The on-disk frame of one record: payload length (UInt32 LE), CRC-32C (UInt32 LE) of the length
/// bytes and the payload, then the payload. The checksum covers the length too, so a flipped bit
/// in either is caught.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 8;

    /// <summary>No event comes near this (a request body is at most 1 MB); a larger length is damage.</summary>
    public const int MaxPayloadSize = 1024 * 1024;

    public static void Write(CollectedEvent e, ArrayBufferWriter<byte> output)
    {
        var start = output.WrittenCount;
        output.GetSpan(HeaderSize);
        output.Advance(HeaderSize);
        EventRecordCodec.Encode(e, output);
        var frame = output.WrittenMemory.Span[start..];
        var length = frame.Length - HeaderSize;
        var header = Writable(output, start);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Checksum(header[..4], frame[HeaderSize..]));
    }

    /// <summary>Reads the frame at the start of <paramref name="data"/>.</summary>
    /// <returns>The frame's total size, or 0 when the bytes there are not a whole, intact frame.</returns>
    public static int TryRead(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (data.Length < HeaderSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length is 0 or > MaxPayloadSize || length > data.Length - HeaderSize)
        {
            return 0;
        }

        var body = data.Slice(HeaderSize, (int)length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != Checksum(data[..4], body))
        {
            return 0;
        }

        payload = body;
        return HeaderSize + (int)length;
    }

    /// <summary>The payload length a header announces, or -1 when it cannot be a record's.</summary>
    public static int AnnouncedLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return length is 0 or > MaxPayloadSize ? -1 : (int)length;
    }

    private static uint Checksum(ReadOnlySpan<byte> lengthBytes, ReadOnlySpan<byte> payload) =>
        Crc32C.Append(Crc32C.Compute(lengthBytes), payload);

    // ArrayBufferWriter exposes written bytes read-only; the header was reserved by Advance, so
    // writing it in place through the underlying array segment is safe.
    private static Span<byte> Writable(ArrayBufferWriter<byte> output, int start) =>
        System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory).Span.Slice(start, HeaderSize);
}
