using System.Data.Common;
using System.Globalization;
using System.Text;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Explore.Articles;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Explore.Feedback;

/// <summary>
/// The feedback explorer's reads over <c>feedback_explorer</c> (migration 0011, sorted by time so the newest page reads
/// only its end of the period), with the review marks of <c>feedback_reviews</c> and the titles of <c>articles</c>. A
/// word search is answered from <c>feedback_search</c> (migration 0017, sorted by word suffix): the count and the page's
/// ids from there, the page's rows from <c>feedback_explorer</c> by their times and ids.
/// </summary>
public sealed class FeedbackQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, IOptions<ExploreOptions> options,
    IOptions<FeedbackSearchOptions> search, ArticleGroups groups)
{
    private string Database => clickHouse.Value.Database;

    public async Task<FeedbackPage> PageAsync(FeedbackRequest request, CancellationToken cancellationToken)
    {
        request = Searched(request);
        var total = CountAsync(request, cancellationToken);
        var rows = RowsAsync(request, request.Limit + 1, cancellationToken);
        await Task.WhenAll(total, rows).ConfigureAwait(false);
        var found = await rows.ConfigureAwait(false);
        var page = found.Take(request.Limit).ToList();
        var next = found.Count > request.Limit ? new FeedbackCursor(page[^1].Time.ToUnixTimeMilliseconds(), page[^1].Id).ToString() : null;
        return new FeedbackPage(ExplorePeriodInfo.Of(request.Period, options.Value.TimeZone), await total.ConfigureAwait(false), await CompleteAsync(page, cancellationToken).ConfigureAwait(false), next);
    }

    /// <summary>Every matching answer, newest first, at most <paramref name="max"/>, for the CSV export.</summary>
    public async Task<IReadOnlyList<FeedbackItem>> AllAsync(FeedbackRequest request, int max, CancellationToken cancellationToken)
    {
        request = Searched(request);
        return await CompleteAsync(await RowsAsync(request with { Before = null }, max, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The request without the words that narrow nothing (<see cref="SearchText.NormalisesToNothing"/>: position() finds
    /// the empty string in every answer, so dropping them changes no answer, and the index has no row for them).
    /// </summary>
    private static FeedbackRequest Searched(FeedbackRequest request) =>
        request.Words.Any(SearchText.NormalisesToNothing) ? request with { Words = [.. request.Words.Where(w => !SearchText.NormalisesToNothing(w))] } : request;

    /// <summary>Whether <c>feedback_search</c> answers the request's words: every one short enough to be a whole prefix of a kept suffix.</summary>
    private bool Indexed(FeedbackRequest request) =>
        search.Value.UseIndex && request.Words.Count > 0 && request.Words.All(w => w.Length <= SearchText.MaxIndexedWordLength);

    private async Task<long> CountAsync(FeedbackRequest request, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var sql = Indexed(request)
            ? $"SELECT uniqExact(event_id) FROM {Database}.feedback_search WHERE {Where(request with { Before = null }, parameters, indexed: true)}"
            : $"SELECT count() FROM {Database}.feedback_explorer WHERE {Where(request with { Before = null }, parameters)}";
        var count = await client.ExecuteScalarAsync(sql, parameters, QueryPurpose.Options("dashboard-feedback-count"), cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }

    private async Task<List<FeedbackItem>> RowsAsync(FeedbackRequest request, int limit, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("limit", (uint)limit);
        // The page's ids as one IN set, not a CTE also read for time bounds: ClickHouse runs a CTE again at each use
        // (three times, 85–120 ms over a year), and the set alone prunes feedback_explorer to the granules holding them.
        var sql = Indexed(request)
            ? $"""
                SELECT {Columns}
                FROM {Database}.feedback_explorer
                WHERE (event_time, event_id) IN (
                    SELECT event_time, event_id FROM {Database}.feedback_search
                    WHERE {Where(request, parameters, indexed: true)}
                    GROUP BY event_time, event_id
                    ORDER BY event_time DESC, event_id DESC
                    LIMIT {"{limit:UInt32}"})
                ORDER BY event_time DESC, event_id DESC
                """
            : $"""
                SELECT {Columns}
                FROM {Database}.feedback_explorer
                WHERE {Where(request, parameters)}
                ORDER BY event_time DESC, event_id DESC
                LIMIT {"{limit:UInt32}"}
                """;
        var items = new List<FeedbackItem>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-feedback-page"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            items.Add(new FeedbackItem(
                reader.GetGuid(0),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.GetString(4), reader.GetString(5), null, reader.GetString(6), reader.GetString(7), reader.GetString(8),
                ReaderValues.Strings(reader, 9), reader.GetString(10), reader.GetString(11), null));
        }
        return items;
    }

    private const string InPeriod = "event_time >= toDateTime({start:Int64}, 'UTC') AND event_time < toDateTime({end:Int64}, 'UTC')";

    private const string Columns = "event_id, toUnixTimestamp64Milli(event_time), rating, rating_scale, comment, article_id, topic, language, country, member_states, device, source";

    /// <summary>
    /// The conditions of one request over <c>feedback_explorer</c>, or <paramref name="indexed"/> over <c>feedback_search</c>
    /// (whose rows all have a comment); every value reaches SQL as a parameter.
    /// </summary>
    private string Where(FeedbackRequest request, ClickHouseParameterCollection parameters, bool indexed = false)
    {
        parameters.AddParameter("start", request.Period.Start.ToUnixTimeSeconds());
        parameters.AddParameter("end", request.Period.End.ToUnixTimeSeconds());
        var sql = new StringBuilder(InPeriod);
        sql.Append(request.Filters.Sql(parameters));
        if (request.Rating is { } rating)
        {
            parameters.AddParameter("rating", (byte)rating);
            sql.Append(" AND rating = {rating:UInt8}");
        }
        if (request.Article is { } article)
        {
            // Every version of the article's story, found in the same query.
            parameters.AddParameter("id", article);
            sql.Append(" AND article_id IN ").Append(groups.VersionIdsSql);
        }
        if (request.CommentsOnly && !indexed)
        {
            sql.Append(" AND comment != ''");
        }
        for (var i = 0; i < request.Words.Count; i++)
        {
            parameters.AddParameter($"w{i}", request.Words[i]);
            var word = SearchText.SqlExpression($"{{w{i}:String}}");
            sql.Append((indexed, i) switch
            {
                (false, _) => $" AND position(search, {word}) > 0",
                // The first word drives the read through the sorted suffixes; each other word is a set of ids of its own.
                (true, 0) => $" AND startsWith(suffix, {word})",
                _ => $" AND event_id IN (SELECT event_id FROM {Database}.feedback_search WHERE startsWith(suffix, {word})"
                    + $" AND {InPeriod})",
            });
        }
        if (request.Review != ReviewState.All)
        {
            sql.Append(request.Review == ReviewState.Reviewed ? " AND event_id IN (" : " AND event_id NOT IN (")
                .Append(CultureInfo.InvariantCulture, $"SELECT event_id FROM {Database}.feedback_reviews GROUP BY event_id HAVING argMax(reviewed, reviewed_at) = 1)");
        }
        if (request.Before is { } before)
        {
            parameters.AddParameter("before_ms", before.UnixMilliseconds);
            parameters.AddParameter("before_id", before.EventId);
            sql.Append(" AND event_time <= fromUnixTimestamp64Milli({before_ms:Int64}, 'UTC')")
                .Append(" AND (event_time < fromUnixTimestamp64Milli({before_ms:Int64}, 'UTC') OR event_id < {before_id:UUID})");
        }
        return sql.ToString();
    }

    /// <summary>The page's titles and review marks, two small reads keyed by the page's ids.</summary>
    private async Task<IReadOnlyList<FeedbackItem>> CompleteAsync(List<FeedbackItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return items;
        }
        var titles = groups.TitlesAsync(items.Select(i => i.ArticleId).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        var reviews = ReviewsAsync(items.Select(i => i.Id).ToArray(), cancellationToken);
        await Task.WhenAll(titles, reviews).ConfigureAwait(false);
        var t = await titles.ConfigureAwait(false);
        var r = await reviews.ConfigureAwait(false);
        return [.. items.Select(i => i with { Article = t.GetValueOrDefault(i.ArticleId), Review = r.GetValueOrDefault(i.Id) })];
    }

    private async Task<Dictionary<Guid, FeedbackReview>> ReviewsAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", ids);
        var sql = $"""
            SELECT event_id, argMax(reviewed_by, reviewed_at), toUnixTimestamp64Milli(max(reviewed_at))
            FROM {Database}.feedback_reviews
            WHERE event_id IN {"{ids:Array(UUID)}"}
            GROUP BY event_id
            HAVING argMax(reviewed, reviewed_at) = 1
            """;
        var result = new Dictionary<Guid, FeedbackReview>();
        using var reader = await client.ExecuteReaderAsync(sql, parameters, QueryPurpose.Options("dashboard-feedback-reviews"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            result[reader.GetGuid(0)] = new FeedbackReview(reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
