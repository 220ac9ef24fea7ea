using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Tests;

[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class RollupFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task Views_visitors_and_ratings_roll_up_per_minute_by_topic_member_state_and_country()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var db = options.Database;
        var minute = EventBuilder.RecentMinute();
        // Two inserts in the same minute: rollup rows from separate blocks must merge, and the
        // visitor seen in both must be counted once (uniq states, not summed uniques).
        await InsertAsync(db, "page_views", EventBuilder.PageViewColumns,
            EventBuilder.PageView("s", minute.AddSeconds(1), "culture", ["MA", "SA"], visitor: 1, country: "FR"),
            EventBuilder.PageView("s", minute.AddSeconds(2), "culture", ["MA"], visitor: 2, country: "FR"),
            EventBuilder.PageView("s", minute.AddMinutes(1), "education", [], visitor: 3, country: "MA"));
        await InsertAsync(db, "page_views", EventBuilder.PageViewColumns,
            EventBuilder.PageView("s", minute.AddSeconds(3), "culture", ["MA"], visitor: 2, country: "MA"));
        await InsertAsync(db, "feedback", EventBuilder.FeedbackColumns,
            EventBuilder.Feedback("s", minute.AddSeconds(4), rating: 5, scale: 5, "culture", ["MA", "SA"], "FR", comment: "great"),
            EventBuilder.Feedback("s", minute.AddSeconds(5), rating: 3, scale: 5, "culture", ["MA"], "FR"),
            EventBuilder.Feedback("s", minute.AddSeconds(6), rating: 7, scale: 10, "culture", ["MA"], "FR"));

        var byTopic = await RollupAsync(db, "engagement_by_topic_1m", "topic");
        Assert.Equal(["s|culture|0|3|2|3|2.1667|5/3=1;5/5=1;10/7=1|1", "s|education|1|1|1|0|0||0"], byTopic.Select(Format));

        var byState = await RollupAsync(db, "engagement_by_member_state_1m", "member_state");
        Assert.Equal(["s|MA|0|3|2|3|2.1667|5/3=1;5/5=1;10/7=1|1", "s|SA|0|1|1|1|1|5/5=1|1"], byState.Select(Format));

        var byCountry = await RollupAsync(db, "engagement_by_country_1m", "country");
        Assert.Equal(["s|FR|0|2|2|3|2.1667|5/3=1;5/5=1;10/7=1|1", "s|MA|0|1|1|0|0||0", "s|MA|1|1|1|0|0||0"], byCountry.Select(Format));

        string Format(object[] r) => string.Join('|',
            r[0], r[1], (int)(((DateTime)r[2]) - minute).TotalMinutes, r[3], r[4], r[5],
            Math.Round(Convert.ToDouble(r[6], null), 4).ToString(System.Globalization.CultureInfo.InvariantCulture), r[7], r[8]);
    }

    private Task<long> InsertAsync(string db, string table, string[] columns, params object[][] rows) =>
        clickHouse.Client.InsertBinaryAsync(table, columns, rows, QueryPurpose.Insert("test-rollup-events", db));

    private Task<List<object[]>> RollupAsync(string db, string table, string dimension) => clickHouse.RowsAsync($"""
        SELECT site, {dimension}, minute, sum(views), uniqMerge(visitors), sum(ratings), sum(rating_score_sum),
               arrayStringConcat(arrayMap((k, c) -> concat(toString(k.1), '/', toString(k.2), '=', toString(c)), sumMap(rating_histogram).1, sumMap(rating_histogram).2), ';') AS histogram,
               sum(comments)
        FROM {db}.{table}
        GROUP BY site, {dimension}, minute
        ORDER BY site, {dimension}, minute
        """);
}
