using System.Text;
using System.Text.Json;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Tests.Traffic;

public sealed class TrafficModelFacts
{
    private static readonly List<SimEvent> History = RealData.History();

    private static IEnumerable<SimEvent> Views => History.Where(e => !e.IsFeedback);

    private static IEnumerable<SimEvent> Ratings => History.Where(e => e.IsFeedback);

    private static string Wire(IEnumerable<SimEvent> events) => Encoding.UTF8.GetString(SimEvent.Batch(events));

    [Fact]
    public void The_same_seed_and_end_give_the_same_events_byte_for_byte()
    {
        var first = RealData.History(seed: 11, weeks: 1, dailyViews: 800);
        var second = RealData.History(seed: 11, weeks: 1, dailyViews: 800);
        Assert.Equal(Wire(first), Wire(second));
        Assert.Equal(first.Select(e => e.Visitor), second.Select(e => e.Visitor));
    }

    [Fact]
    public void Another_seed_gives_other_events()
    {
        var first = RealData.History(seed: 11, weeks: 1, dailyViews: 800);
        var second = RealData.History(seed: 12, weeks: 1, dailyViews: 800);
        Assert.NotEqual(Wire(first), Wire(second));
    }

    [Fact]
    public void The_default_history_is_laptop_sized()
    {
        var views = RealData.History(seed: 1, weeks: 8, dailyViews: new Demo.DemoOptions().DailyViews).Count;
        Assert.InRange(views, 100_000, 200_000);
    }

    [Fact]
    public void The_history_covers_the_window_in_time_order()
    {
        Assert.All(History, e => Assert.InRange(e.Timestamp, RealData.End.AddDays(-28), RealData.End));
        Assert.Equal(History.Select(e => e.Timestamp).Order(), History.Select(e => e.Timestamp));
    }

    [Fact]
    public void Readers_read_more_by_day_than_at_night()
    {
        var byLocalHour = Views.GroupBy(e => e.Timestamp.ToOffset(Rhythm.ReadersOffset).Hour).ToDictionary(g => g.Key, g => g.Count());
        var day = Enumerable.Range(9, 5).Sum(h => byLocalHour[h]);
        var night = Enumerable.Range(1, 5).Sum(h => byLocalHour.GetValueOrDefault(h));
        Assert.True(day > 4 * night, $"09-13h: {day} views, 01-05h: {night}");
    }

    [Fact]
    public void Working_days_are_busier_than_the_weekend()
    {
        double PerDay(params DayOfWeek[] days)
        {
            var views = Views.Where(e => days.Contains(e.Timestamp.ToOffset(Rhythm.ReadersOffset).DayOfWeek)).ToList();
            return views.Count / (double)views.Select(e => e.Timestamp.ToOffset(Rhythm.ReadersOffset).Date).Distinct().Count();
        }
        var weekdays = PerDay(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday);
        var weekend = PerDay(DayOfWeek.Friday, DayOfWeek.Saturday);
        Assert.True(weekdays > 1.2 * weekend, $"Mon-Thu {weekdays:F0}/day, Fri-Sat {weekend:F0}/day");
    }

    [Fact]
    public void A_story_new_on_the_front_page_bursts_then_fades()
    {
        var model = Demo.DemoHistory.Model(RealData.Data, new Demo.DemoOptions { Weeks = 4 }, RealData.End);
        var (featured, story) = model.FeaturedAt.Select((at, i) => (at, i)).Where(x => x.at is { } t && t < RealData.End.AddDays(-3) && t > RealData.End.AddDays(-25)).First();
        var ids = RealData.Data.Stories[story].ByLanguage.Values.Select(a => a.Id).ToHashSet();
        int ViewsIn(DateTimeOffset from, TimeSpan length) => Views.Count(e => ids.Contains(e.ArticleId) && e.Timestamp >= from && e.Timestamp < from + length);
        var before = ViewsIn(featured!.Value.AddDays(-2), TimeSpan.FromDays(2));
        var first = ViewsIn(featured.Value, TimeSpan.FromDays(2));
        var later = ViewsIn(featured.Value.AddDays(6), TimeSpan.FromDays(2));
        Assert.True(first > 3 * Math.Max(1, before) && first > 2 * Math.Max(1, later), $"2 days before: {before}, first 2 days: {first}, a week on: {later}");
    }

    [Fact]
    public void Ratings_are_J_shaped_as_satisfaction_surveys_are()
    {
        var counts = Enumerable.Range(1, 5).Select(r => Ratings.Count(e => e.Rating == r)).ToArray();
        var total = (double)counts.Sum();
        Assert.True(total > 500, $"only {total} ratings");
        Assert.True(counts[4] > counts[3] && counts[3] > counts[2], $"5 > 4 > 3: {string.Join(",", counts)}");
        Assert.True(counts[0] > counts[1], $"more 1s than 2s (the J's tail): {string.Join(",", counts)}");
        Assert.InRange((counts[3] + counts[4]) / total, 0.65, 0.85);
        Assert.InRange(Ratings.Count() / (double)Views.Count(), 0.02, 0.04);
    }

    [Fact]
    public void Comments_come_in_the_three_languages_and_some_carry_an_email_or_a_phone()
    {
        var comments = Ratings.Where(e => e.Comment is not null).ToList();
        Assert.Equal(["ar", "en", "fr"], comments.Select(e => e.Language).Distinct().Order());
        var emails = comments.Count(e => e.Comment!.Contains('@', StringComparison.Ordinal));
        var phones = comments.Count(e => e.Comment!.Any(c => char.IsDigit(c)));
        Assert.True(emails > 0 && phones > 0, $"{emails} with e-mail, {phones} with phone of {comments.Count}");
        Assert.True(emails + phones < comments.Count / 2, "most comments carry no contact");
    }

    [Fact]
    public void Every_contact_the_model_writes_is_scrubbed_by_the_collector()
    {
        var withContact = Ratings.Select(e => e.Comment).OfType<string>().Where(c => c.Contains('@', StringComparison.Ordinal) || c.Any(char.IsDigit)).ToList();
        Assert.NotEmpty(withContact);
        Assert.All(withContact, comment =>
        {
            var scrubbed = Collector.Ingestion.Enrichment.CommentScrubber.Scrub(comment);
            Assert.DoesNotContain("@", scrubbed, StringComparison.Ordinal);
            Assert.DoesNotContain(scrubbed, char.IsDigit);
        });
    }

    [Fact]
    public void Every_article_topic_and_member_state_comes_from_the_real_data()
    {
        var articles = RealData.Data.Articles.ToDictionary(a => a.Id);
        Assert.All(History, e =>
        {
            var article = articles[e.ArticleId];
            Assert.Contains(e.Topic, RealData.Topics);
            Assert.Equal(article.Topic, e.Topic);
            Assert.All(article.MemberStates, s => Assert.Contains(s, RealData.MemberStates));
            Assert.Equal(article.Url, e.Url);
        });
        Assert.All(History.Where(e => e.Visitor.FromMemberState), e => Assert.Contains(e.Visitor.Country, RealData.MemberStates));
        // The mix follows the stories: thin topics (media_communication has 3) may go unread in a short history.
        Assert.True(History.Select(e => e.Topic).Distinct().Count() >= RealData.Topics.Count - 1);
    }

    [Fact]
    public void Visitors_come_from_member_states_and_elsewhere_and_read_in_three_languages()
    {
        var fromMembers = Views.Count(e => e.Visitor.FromMemberState) / (double)Views.Count();
        Assert.InRange(fromMembers, 0.6, 0.95);
        Assert.Contains(Views, e => !RealData.MemberStates.Contains(e.Visitor.Country));
        var languages = Views.GroupBy(e => e.Language).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["ar", "en", "fr"], languages.Keys.Order());
        Assert.All(languages.Values, n => Assert.True(n > Views.Count() / 10));
        Assert.All(Views, e => Assert.Contains($"/{e.Language}/", e.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void Events_are_valid_wire_json_with_ids_unique()
    {
        using var json = JsonDocument.Parse(SimEvent.Batch(History.Take(200)));
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "pageview", "feedback" }));
        Assert.Equal(History.Count, History.Select(e => e.EventId).Distinct().Count());
    }
}
