using System.Diagnostics;
using System.Net;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Live;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Icesco.Insights.Dashboard.Tests.Live;

/// <summary>The hub with the real SignalR client, fed by events posted through the real Collector.</summary>
[Collection(EngineCollection.Name)]
public sealed class EngagementHubFacts : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan PushDeadline = TimeSpan.FromSeconds(2);
    private readonly CollectorApp collector;
    private DashboardApp dashboard = null!;
    private Browser staff = null!;

    public EngagementHubFacts(EngineFixture engine)
    {
        collector = new CollectorApp(engine);
        Engine = engine;
    }

    private EngineFixture Engine { get; }

    public async Task InitializeAsync()
    {
        using var _ = collector.CreateClient(); // starts it: the schema is in place once it answers
        dashboard = new DashboardApp(Engine, collector.Database);
        staff = await Browser.SignedInAsync(dashboard, TestUsers.Of(DashboardRoles.Staff));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        dashboard?.Dispose();
        collector.Dispose();
    }

    [Fact]
    public async Task A_view_posted_to_the_collector_reaches_a_subscribed_client_within_two_seconds()
    {
        var url = await collector.PutArticleAsync("rabat-forum", "education", "MA");
        await using var client = LiveClient.Create(dashboard, staff.CookieHeader);
        await client.StartAsync("all");
        await Eventually.UntilAsync(() => client.Snapshots.Count, n => n == 1, what: "the snapshot");

        var clock = Stopwatch.StartNew();
        await collector.PostViewAsync(url);
        var state = await Eventually.UntilAsync(
            () => client.Updates.LastOrDefault(s => s.TopArticles.Any(a => a.Article == "rabat-forum")),
            s => s is not null, what: "an update with the view");
        clock.Stop();

        Assert.True(clock.Elapsed <= PushDeadline, $"the view took {clock.Elapsed.TotalMilliseconds:F0} ms to reach the client");
        var article = Assert.Single(state!.TopArticles);
        Assert.Equal(("Title of rabat-forum", 1L), (article.Title, article.Views));
        var topic = Assert.Single(state.ViewsPerMinute.ByTopic);
        Assert.Equal("education", topic.Key);
        Assert.Equal(60, topic.Points.Count); // the hour, empty minutes filled
        Assert.Equal(1, topic.Points.Sum(p => p.Views));
        Assert.Equal([("MA", 1L)], state.MemberStates.Select(m => (m.Code, m.Views)));
        Assert.Equal(1, state.ActiveVisitors);
    }

    [Fact]
    public async Task A_client_filtered_to_one_member_state_does_not_receive_another_states_update()
    {
        var morocco = await collector.PutArticleAsync("ma-news", "culture", "MA");
        var senegal = await collector.PutArticleAsync("sn-news", "culture", "SN");
        await using var moroccoClient = LiveClient.Create(dashboard, staff.CookieHeader);
        await using var senegalClient = LiveClient.Create(dashboard, staff.CookieHeader);
        await moroccoClient.StartAsync("member_state:MA");
        await senegalClient.StartAsync("member_state:SN");

        await collector.PostViewAsync(morocco);
        await Eventually.UntilAsync(() => moroccoClient.Updates.Any(s => s.TopArticles.Any(a => a.Article == "ma-news")), ok => ok, what: "Morocco's update");
        // Then a Senegal view: once Senegal's client has it, the ticks that carried Morocco's view are behind us.
        await collector.PostViewAsync(senegal);
        await Eventually.UntilAsync(() => senegalClient.Updates.Any(s => s.TopArticles.Any(a => a.Article == "sn-news")), ok => ok, what: "Senegal's update");

        Assert.DoesNotContain(senegalClient.States, s => s.TopArticles.Any(a => a.Article == "ma-news"));
        Assert.All(senegalClient.States, s => Assert.Equal("member_state:SN", s.Filter));
        Assert.DoesNotContain(moroccoClient.States, s => s.TopArticles.Any(a => a.Article == "sn-news"));
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused_with_401()
    {
        await using var client = LiveClient.Create(dashboard, cookie: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync("all"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData("http://localhost.evil.example", false)]
    [InlineData("null", false)]
    [InlineData("http://localhost", true)]
    public async Task A_websocket_to_the_hub_from_a_foreign_origin_is_refused_with_403_even_with_the_staff_cookie(string origin, bool allowed)
    {
        var client = dashboard.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            request.Headers.Cookie = staff.CookieHeader;
            request.Headers.Origin = origin;
        };

        // Straight to the WebSocket, as a hijacking page would (SignalR accepts a WebSocket without negotiate).
        var hub = new UriBuilder(new Uri(dashboard.Server.BaseAddress, EngagementHub.Path)) { Scheme = "ws" }.Uri;
        var connecting = client.ConnectAsync(hub, CancellationToken.None);
        if (allowed)
        {
            using var socket = await connecting;
            Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
        }
        else
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => connecting);
            Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        }

        new Icesco.Insights.TestSupport.ReliabilityFigure("Hostile origins and tokens", $"WebSocket to the hub with the staff cookie and Origin {origin}", 1,
            allowed ? "same origin: connected" : "refused with 403", "").Record();
    }

    [Fact]
    public async Task A_negotiate_from_a_foreign_origin_is_refused_with_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EngagementHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await staff.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var same = new HttpRequestMessage(HttpMethod.Post, EngagementHub.Path + "/negotiate?negotiateVersion=1");
        same.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(same)).StatusCode);
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_the_current_state_at_once_in_its_snapshot()
    {
        var url = await collector.PutArticleAsync("isesco-week", "science_technology", "EG");
        await using (var first = LiveClient.Create(dashboard, staff.CookieHeader))
        {
            await first.StartAsync("topic:science_technology");
            await collector.PostViewAsync(url);
            await collector.PostViewAsync(url);
            await Eventually.UntilAsync(() => first.Updates.Any(s => s.TopArticles.Any(a => a.Views == 2)), ok => ok, what: "the first client's update");
        }

        await using var again = LiveClient.Create(dashboard, staff.CookieHeader);
        await again.StartAsync("topic:science_technology");
        var snapshot = await Eventually.UntilAsync(() => again.Snapshots.FirstOrDefault(), s => s is not null, what: "the snapshot");
        Assert.Equal(2, Assert.Single(snapshot!.TopArticles).Views);
        Assert.Empty(again.Updates); // complete without waiting for a tick
    }

    [Fact]
    public async Task A_new_rating_reaches_the_groups_it_matches_with_its_comment_as_sent()
    {
        var url = await collector.PutArticleAsync("feedback-page", "culture", "SN");
        await using var all = LiveClient.Create(dashboard, staff.CookieHeader);
        await using var education = LiveClient.Create(dashboard, staff.CookieHeader);
        await all.StartAsync("all");
        await education.StartAsync("topic:education");

        await collector.PostRatingAsync(url, 2, "<img src=x onerror=alert(1)> too slow");
        var ratings = await Eventually.UntilAsync(() => all.Ratings.SelectMany(r => r).ToList(), r => r.Count > 0, what: "the rating");

        var rating = Assert.Single(ratings);
        Assert.Equal(("feedback-page", "culture", 2, 5), (rating.Article, rating.Topic, rating.Rating, rating.Scale));
        Assert.Equal("<img src=x onerror=alert(1)> too slow", rating.Comment); // data, not markup: the page encodes it
        await Eventually.UntilAsync(() => all.Updates.LastOrDefault()?.Csat, c => c is not null, what: "the CSAT");
        Assert.Empty(education.Ratings);
    }

    [Fact]
    public async Task A_filter_outside_the_rule_is_refused_with_the_rule_named()
    {
        await using var client = LiveClient.Create(dashboard, staff.CookieHeader);
        await client.Connection.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeCoreAsync("Subscribe", typeof(object), ["country:MA"]));
        Assert.Contains("member_state:<ISO2>", refused.Message, StringComparison.Ordinal);
    }
}
