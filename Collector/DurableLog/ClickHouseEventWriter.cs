using System.Globalization;
using ClickHouse.Driver;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Inserts a batch's page views into <c>page_views</c> and its feedback into <c>feedback</c>
/// (columns of migration 0003), each with the batch's token for that table, so that a retry —
/// of one table or both — is dropped by the server along with its materialized-view rows.
/// When ClickHouse refuses a table's rows for what is in them (<see cref="RowRejection"/>), the rows
/// are sent again in halves until the refused ones stand alone; those go to <see cref="BadRowFile"/>
/// and the rest is stored. Each half carries a token made from the batch's token and its range, so
/// the same batch splits the same way after a restart and a half already stored is not stored again.
/// </summary>
internal sealed class ClickHouseEventWriter(
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    BadRowFile badRows,
    DurableLogMetrics metrics,
    ILogger<ClickHouseEventWriter> logger)
{
    private static readonly string[] PageViewColumns =
        ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states",
         "visitor_hash", "country", "language", "device", "referrer_host"];

    private static readonly string[] FeedbackColumns = [.. PageViewColumns, "rating", "rating_scale", "comment"];

    public async Task InsertAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        // Page views sized once for the batch (most of it): growing by doubling copied the rows' arrays on the
        // large-object heap at every flush. Feedback is a few percent and grows as it comes.
        var pageViews = new Rows(new List<object[]>(batch.Events.Count), new List<CollectedEvent>(batch.Events.Count));
        var feedback = new Rows([], []);
        foreach (var e in batch.Events)
        {
            if (e.Kind == EventKind.Feedback)
            {
                feedback.Add([.. Common(e), e.Rating, e.RatingScale, e.Comment], e);
            }
            else
            {
                pageViews.Add(Common(e), e);
            }
        }

        await InsertAsync("page_views", PageViewColumns, pageViews, 0, pageViews.Count, batch.TokenFor("page_views"), cancellationToken).ConfigureAwait(false);
        await InsertAsync("feedback", FeedbackColumns, feedback, 0, feedback.Count, batch.TokenFor("feedback"), cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertAsync(string table, string[] columns, Rows rows, int start, int count, string token, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        var options = QueryPurpose.Insert($"collector-flush-{table}", clickHouse.Value.Database, token);
        var values = start == 0 && count == rows.Count ? rows.Values : rows.Values.GetRange(start, count);
        try
        {
            await client.InsertBinaryAsync(table, columns, values, options, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (RowRejection.IsRowRejection(e) && count == 1)
        {
            badRows.Keep(table, rows.Events[start], e);
            metrics.BadRowKept();
            DurableLogLog.BadRowKept(logger, table, rows.Events[start].EventId, RowRejection.CodeOf(e), badRows.Path);
            return;
        }
        catch (Exception e) when (RowRejection.IsRowRejection(e))
        {
            if (count == rows.Count)
            {
                DurableLogLog.RowsRefused(logger, table, count, RowRejection.CodeOf(e));
            }
        }

        var half = count / 2;
        await InsertAsync(table, columns, rows, start, half, string.Create(CultureInfo.InvariantCulture, $"{token}-{start}-{half}"), cancellationToken).ConfigureAwait(false);
        await InsertAsync(table, columns, rows, start + half, count - half, string.Create(CultureInfo.InvariantCulture, $"{token}-{start + half}-{count - half}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A table's rows and the events they were made from, index for index.</summary>
    private sealed record Rows(List<object[]> Values, List<CollectedEvent> Events)
    {
        public int Count => Values.Count;

        public void Add(object[] values, CollectedEvent e)
        {
            Values.Add(values);
            Events.Add(e);
        }
    }

    private static object[] Common(CollectedEvent e) =>
        [e.EventId, e.EventTime, e.ReceivedAt, e.Site, e.ArticleId, e.Url, e.Path, e.Topic, e.MemberStates.ToArray(),
         e.VisitorHash, e.Country, e.Language, e.Device, e.ReferrerHost];
}
