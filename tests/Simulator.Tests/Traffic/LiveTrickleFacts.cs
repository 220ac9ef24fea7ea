using Icesco.Insights.Simulator.Demo;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Tests.Traffic;

public sealed class LiveTrickleFacts
{
    private static LiveTrickle Trickle(double rate)
    {
        var model = DemoHistory.Model(RealData.Data, new DemoOptions(), RealData.End);
        // The client is never called by EventsBetween: no server needed.
        return new LiveTrickle(model, new CollectorClient(new HttpClient()), rate, TimeProvider.System, seed: 5);
    }

    [Fact]
    public void The_trickle_sends_about_its_rate_shaped_by_the_hour()
    {
        var from = RealData.End; // 12:00 UTC, 15:00 readers' time on a Monday
        var events = Trickle(5).EventsBetween(from, from.AddMinutes(10)).Count(e => !e.IsFeedback);
        var expected = 5 * 600 * Rhythm.Weight(from);
        Assert.InRange(events, expected * 0.85, expected * 1.15);
    }

    [Fact]
    public void Live_events_are_stamped_within_the_tick()
    {
        var from = RealData.End;
        Assert.All(Trickle(20).EventsBetween(from, from.AddSeconds(1)), e => Assert.InRange(e.Timestamp, from, from.AddSeconds(1)));
    }
}
