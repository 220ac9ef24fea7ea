using ClickHouse.Driver;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Inserts a batch's page views into <c>page_views</c> and its feedback into <c>feedback</c>
/// (columns of migration 0003), each with the batch's token for that table, so that a retry —
/// of one table or both — is dropped by the server along with its materialized-view rows.
/// </summary>
internal sealed class ClickHouseEventWriter(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    private static readonly string[] PageViewColumns =
        ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states",
         "visitor_hash", "country", "language", "device", "referrer_host"];

    private static readonly string[] FeedbackColumns = [.. PageViewColumns, "rating", "rating_scale", "comment"];

    public async Task InsertAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        // Page views sized once for the batch (most of it): growing by doubling copied the rows' arrays on the
        // large-object heap at every flush. Feedback is a few percent and grows as it comes.
        var pageViews = new List<object[]>(batch.Events.Count);
        var feedback = new List<object[]>();
        foreach (var e in batch.Events)
        {
            if (e.Kind == EventKind.Feedback)
            {
                feedback.Add([.. Common(e), e.Rating, e.RatingScale, e.Comment]);
            }
            else
            {
                pageViews.Add(Common(e));
            }
        }

        await InsertAsync(batch, "page_views", PageViewColumns, pageViews, cancellationToken).ConfigureAwait(false);
        await InsertAsync(batch, "feedback", FeedbackColumns, feedback, cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertAsync(LogBatch batch, string table, string[] columns, List<object[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var options = QueryPurpose.Insert($"collector-flush-{table}", clickHouse.Value.Database, batch.TokenFor(table));
        await client.InsertBinaryAsync(table, columns, rows, options, cancellationToken).ConfigureAwait(false);
    }

    private static object[] Common(CollectedEvent e) =>
        [e.EventId, e.EventTime, e.ReceivedAt, e.Site, e.ArticleId, e.Url, e.Path, e.Topic, e.MemberStates.ToArray(),
         e.VisitorHash, e.Country, e.Language, e.Device, e.ReferrerHost];
}
