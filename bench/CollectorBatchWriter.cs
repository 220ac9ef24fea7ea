using ClickHouse.Driver;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>
/// Writes a batch of stored events exactly as the Collector's flusher does (<c>ClickHouseEventWriter</c>, internal
/// to the Collector and bound to its log batches): the page views into <c>page_views</c>, then the feedback into
/// <c>feedback</c>, each one binary insert through the driver with the same columns, row shape and a
/// deduplication token per table.
/// </summary>
internal sealed class CollectorBatchWriter(ClickHouseClient client, string database)
{
    private static readonly string[] PageViewColumns =
        ["event_id", "event_time", "received_at", "site", "article_id", "url", "path", "topic", "member_states",
         "visitor_hash", "country", "language", "device", "referrer_host"];

    private static readonly string[] FeedbackColumns = [.. PageViewColumns, "rating", "rating_scale", "comment"];

    /// <summary>Inserts <paramref name="batch"/>; returns the number of page views and of feedback events in it.</summary>
    public async Task<(int PageViews, int Feedback)> InsertAsync(IReadOnlyList<CollectedEvent> batch, string token)
    {
        var pageViews = new List<object[]>(batch.Count);
        var feedback = new List<object[]>();
        foreach (var e in batch)
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

        await InsertAsync("page_views", PageViewColumns, pageViews, token);
        await InsertAsync("feedback", FeedbackColumns, feedback, token);
        return (pageViews.Count, feedback.Count);
    }

    private async Task InsertAsync(string table, string[] columns, List<object[]> rows, string token)
    {
        if (rows.Count > 0)
        {
            await client.InsertBinaryAsync(table, columns, rows, QueryPurpose.Insert($"bench-storage-{table}", database, $"{token}-{table}"));
        }
    }

    private static object[] Common(CollectedEvent e) =>
        [e.EventId, e.EventTime, e.ReceivedAt, e.Site, e.ArticleId, e.Url, e.Path, e.Topic, e.MemberStates.ToArray(),
         e.VisitorHash, e.Country, e.Language, e.Device, e.ReferrerHost];
}
