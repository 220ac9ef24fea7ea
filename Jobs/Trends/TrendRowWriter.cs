using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>
/// Writes a period's rows. <c>trends</c> is a ReplacingMergeTree keyed by period and dimension value and
/// versioned by <c>computed_at</c>, so writing a period again replaces its rows (readers use FINAL).
/// </summary>
public sealed class TrendRowWriter(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, TimeProvider time)
{
    private static readonly string[] Columns =
    [
        "period_kind", "period_start", "dimension", "dimension_value", "views", "unique_visitors", "ratings",
        "mean_rating", "csat", "csat_low", "csat_high", "ratings_per_1000_views", "views_change", "csat_change",
        "anomaly", "small_sample", "computed_at",
    ];

    public async Task WriteAsync(IReadOnlyList<TrendRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var computedAt = time.GetUtcNow().UtcDateTime;
        await client.InsertBinaryAsync(
            "trends",
            Columns,
            rows.Select(r => new object[]
            {
                r.Period.KindName, r.Period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), r.Dimension, r.Value,
                (ulong)r.Views, (ulong)r.UniqueVisitors, (ulong)r.Ratings,
                OrNull(r.MeanRating), OrNull(r.Csat), OrNull(r.CsatLow), OrNull(r.CsatHigh), OrNull(r.RatingsPer1000Views),
                OrNull(r.ViewsChange), OrNull(r.CsatChange), r.Anomaly.ToStored(), r.SmallSample, computedAt,
            }),
            QueryPurpose.Insert("trends-write", clickHouse.Value.Database),
            cancellationToken).ConfigureAwait(false);
    }

    private static object OrNull(double? value) => value is { } v ? v : DBNull.Value;
}
