using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>
/// Review marks, the one thing the Dashboard writes: a row per mark in <c>feedback_reviews</c> (who, when, reviewed or
/// taken back), the newest mark of an answer winning. The raw events are never changed.
/// </summary>
public sealed class FeedbackReviews(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, TimeProvider time)
{
    /// <summary>Marks <paramref name="eventId"/> reviewed by <paramref name="by"/> now (or takes the mark back); the mark, null when taken back.</summary>
    /// <exception cref="KeyNotFoundException">No rating with that id is stored.</exception>
    public async Task<FeedbackReview?> MarkAsync(Guid eventId, bool reviewed, string by, CancellationToken cancellationToken)
    {
        var database = clickHouse.Value.Database;
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", eventId);
        var exists = await client.ExecuteScalarAsync($"SELECT count() FROM {database}.feedback_explorer WHERE event_id = {{id:UUID}}", parameters,
            QueryPurpose.Options("dashboard-feedback-review-check"), cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0)
        {
            throw new KeyNotFoundException($"No rating {eventId:D} is stored.");
        }
        var at = time.GetUtcNow();
        await client.InsertBinaryAsync("feedback_reviews", ["event_id", "reviewed", "reviewed_by", "reviewed_at"],
            [new object[] { eventId, (byte)(reviewed ? 1 : 0), by, at.UtcDateTime }],
            QueryPurpose.Insert("dashboard-feedback-review", database), cancellationToken).ConfigureAwait(false);
        return reviewed ? new FeedbackReview(by, at) : null;
    }
}
