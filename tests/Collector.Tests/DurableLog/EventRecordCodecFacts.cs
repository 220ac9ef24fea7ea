using System.Buffers;
using Icesco.Insights.Collector.DurableLog;

namespace Icesco.Insights.Collector.Tests.DurableLog;

public sealed class EventRecordCodecFacts
{
    [Fact]
    public void Every_field_of_an_event_survives_encoding_and_decoding()
    {
        var feedback = TestEvents.Feedback(comment: "Très bien — ممتاز 👍") with { ReferrerHost = "google.com", Language = "ar", VisitorHash = ulong.MaxValue };
        var buffer = new ArrayBufferWriter<byte>();
        EventRecordCodec.Encode(feedback, buffer);

        var decoded = EventRecordCodec.Decode(buffer.WrittenSpan);

        Assert.Equal(feedback with { MemberStates = [] }, decoded with { MemberStates = [] });
        Assert.Equal(feedback.MemberStates, decoded.MemberStates);
        Assert.Equal(DateTimeKind.Utc, decoded.EventTime.Kind);
    }

    [Fact]
    public void A_record_of_an_unknown_version_is_refused_rather_than_misread()
    {
        var buffer = new ArrayBufferWriter<byte>();
        EventRecordCodec.Encode(TestEvents.PageView(), buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        bytes[0] = 99;

        Assert.Throws<InvalidDataException>(() => EventRecordCodec.Decode(bytes));
    }
}
