using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Encodes a <see cref="CollectedEvent"/> as a record payload: a version byte, then the fields in
/// declaration order — fixed-width numbers little-endian, strings and lists as a varint length
/// followed by UTF-8 / items. Compact (no field names) because the log is written on every request;
/// the version byte lets a later release read the logs an older one left on disk.
/// </summary>
public static class EventRecordCodec
{
    public const byte Version = 1;

    public static void Encode(CollectedEvent e, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(output);
        var w = new Writer(output);
        w.Byte(Version);
        w.Byte((byte)e.Kind);
        w.Guid(e.EventId);
        w.Int64(e.EventTime.Ticks);
        w.Int64(e.ReceivedAt.Ticks);
        w.String(e.Site);
        w.String(e.ArticleId);
        w.String(e.Url);
        w.String(e.Path);
        w.String(e.Topic);
        w.VarUInt((uint)e.MemberStates.Count);
        foreach (var state in e.MemberStates)
        {
            w.String(state);
        }

        w.UInt64(e.VisitorHash);
        w.String(e.Country);
        w.String(e.Language);
        w.String(e.Device);
        w.String(e.ReferrerHost);
        w.Byte(e.Rating);
        w.Byte(e.RatingScale);
        w.String(e.Comment);
    }

    /// <exception cref="InvalidDataException">The payload is not a record this version can read.</exception>
    public static CollectedEvent Decode(ReadOnlySpan<byte> payload)
    {
        var r = new Reader(payload);
        var version = r.Byte();
        if (version != Version)
        {
            throw new InvalidDataException($"Unknown event record version {version} (this build reads {Version}).");
        }

        var kind = (EventKind)r.Byte();
        if (kind is not (EventKind.PageView or EventKind.Feedback))
        {
            throw new InvalidDataException($"Unknown event kind {(byte)kind}.");
        }

        var id = r.Guid();
        var eventTime = new DateTime(r.Int64(), DateTimeKind.Utc);
        var receivedAt = new DateTime(r.Int64(), DateTimeKind.Utc);
        var site = r.String();
        var articleId = r.String();
        var url = r.String();
        var path = r.String();
        var topic = r.String();
        var states = new string[r.VarUInt()];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = r.String();
        }

        return new CollectedEvent(kind, id, eventTime, receivedAt, site, articleId, url, path, topic, states,
            VisitorHash: r.UInt64(), Country: r.String(), Language: r.String(), Device: r.String(),
            ReferrerHost: r.String(), Rating: r.Byte(), RatingScale: r.Byte(), Comment: r.String());
    }

    private readonly ref struct Writer(IBufferWriter<byte> output)
    {
        public void Byte(byte value)
        {
            output.GetSpan(1)[0] = value;
            output.Advance(1);
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
            output.Advance(8);
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), value);
            output.Advance(8);
        }

        public void Guid(Guid value)
        {
            value.TryWriteBytes(output.GetSpan(16));
            output.Advance(16);
        }

        public void VarUInt(uint value)
        {
            var span = output.GetSpan(5);
            var n = 0;
            while (value >= 0x80)
            {
                span[n++] = (byte)(value | 0x80);
                value >>= 7;
            }

            span[n++] = (byte)value;
            output.Advance(n);
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            VarUInt((uint)length);
            Encoding.UTF8.GetBytes(value, output.GetSpan(length));
            output.Advance(length);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> rest = data;

        public byte Byte() => Take(1)[0];

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public Guid Guid() => new(Take(16));

        public uint VarUInt()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("Malformed length in event record.");
        }

        public string String() => Encoding.UTF8.GetString(Take(checked((int)VarUInt())));

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > rest.Length)
            {
                throw new InvalidDataException("Event record ends early.");
            }

            var taken = rest[..count];
            rest = rest[count..];
            return taken;
        }
    }
}
