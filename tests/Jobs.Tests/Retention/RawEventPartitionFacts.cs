using Icesco.Insights.Jobs.Retention;

namespace Icesco.Insights.Jobs.Tests.Retention;

public sealed class RawEventPartitionFacts
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static RawEventPartition Month(string id) => new("page_views", id, 1, 1);

    [Fact]
    public void A_month_that_ended_before_now_minus_the_retention_is_expired()
    {
        // Now − 30 days = 2026-03-02 12:00 UTC: February (ended 2026-03-01) is wholly older.
        var now = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.True(Month("202602").IsExpired(now, Retention));
        Assert.True(Month("202512").IsExpired(now, Retention));
        Assert.False(Month("202603").IsExpired(now, Retention)); // partly within the retention: kept whole
        Assert.False(Month("202604").IsExpired(now, Retention));
    }

    [Fact]
    public void A_month_expires_exactly_when_its_last_instant_passes_the_retention()
    {
        var monthEnd = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(Month("202602").IsExpired(monthEnd + Retention - TimeSpan.FromMilliseconds(1), Retention));
        Assert.True(Month("202602").IsExpired(monthEnd + Retention, Retention));
    }

    [Fact]
    public void A_partition_id_that_is_not_a_month_is_never_expired()
    {
        var farFuture = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Month("202602").MonthStart);
        Assert.All(["all", "202613", "2026021", "20260", "tuple()"], id =>
        {
            Assert.Null(Month(id).MonthStart);
            Assert.False(Month(id).IsExpired(farFuture, Retention));
        });
    }
}
