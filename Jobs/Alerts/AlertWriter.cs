using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// Writes alert records. <c>alerts</c> is a ReplacingMergeTree keyed by subject and period and versioned by
/// <c>revision</c>, so marking a record e-mailed is writing it again with revision 1 (readers use FINAL).
/// </summary>
public sealed class AlertWriter(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    private static readonly string[] Columns =
    [
        "kind", "dimension", "dimension_value", "period_kind", "period_start", "observed", "baseline", "observed_high",
        "raised_at", "emailed_at", "revision",
    ];

    public async Task WriteAsync(IReadOnlyList<AlertRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }
        await client.InsertBinaryAsync(
            "alerts",
            Columns,
            records.Select(r => new object[]
            {
                r.Alert.Subject.Kind.ToStored(), r.Alert.Subject.Dimension, r.Alert.Subject.Value,
                r.Alert.Period.KindName, r.Alert.Period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                r.Alert.Observed, r.Alert.Baseline, r.Alert.ObservedHigh is { } high ? high : DBNull.Value,
                r.RaisedAt.UtcDateTime, r.EmailedAt is { } emailed ? emailed.UtcDateTime : DBNull.Value,
                (byte)(r.Emailed ? 1 : 0),
            }),
            QueryPurpose.Insert("alerts-write", clickHouse.Value.Database),
            cancellationToken).ConfigureAwait(false);
    }
}
