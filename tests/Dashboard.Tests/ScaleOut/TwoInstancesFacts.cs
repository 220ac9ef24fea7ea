using System.Net;
using Icesco.Insights.Dashboard.Live;
using Icesco.Insights.Dashboard.ScaleOut;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Icesco.Insights.Jobs.Tests.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Dashboard.Tests.ScaleOut;

/// <summary>Two Dashboard instances on one Redis (Debian's redis-server, started by the test), as behind a load balancer.</summary>
[Collection(EngineCollection.Name)]
public sealed class TwoInstancesFacts(EngineFixture engine) : IAsyncLifetime
{
    private readonly RedisProcess redis = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    public Task DisposeAsync() => redis.DisposeAsync();

    private DashboardApp Instance(string database) =>
        new(engine, database, new Dictionary<string, string?> { [ScaleOutExtensions.RedisSetting] = redis.ConnectionString });

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        var database = await TestDatabase.CreateAsync(engine);
        await using var a = Instance(database);
        await using var b = Instance(database);

        var signedIn = await Browser.SignedInAsync(a, TestUsers.Of("staff"));
        var onB = new Browser(b);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", signedIn.CookieHeader);
        using var response = await onB.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_Redis_each_instance_keeps_its_own_keys_and_refuses_the_other_s_cookie()
    {
        var database = await TestDatabase.CreateAsync(engine);
        await using var a = new DashboardApp(engine, database);
        await using var b = new DashboardApp(engine, database);

        var signedIn = await Browser.SignedInAsync(a, TestUsers.Of("staff"));
        var onB = new Browser(b);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", signedIn.CookieHeader);
        using var response = await onB.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // to sign-in: B cannot read A's cookie
        Assert.True(Directory.EnumerateFiles(Path.Combine(a.DataDirectory.FullName, "keys"), "key-*.xml").Any(), "A's keys are in its data directory");
    }

    [Fact]
    public async Task A_client_connected_to_one_instance_receives_what_the_other_sends_to_its_group()
    {
        var database = await TestDatabase.CreateAsync(engine);
        await using var a = Instance(database);
        await using var b = Instance(database);
        var signedIn = await Browser.SignedInAsync(a, TestUsers.Of("staff"));
        await using var client = LiveClient.Create(a, signedIn.CookieHeader);
        await client.StartAsync("all");
        Assert.True(LiveFilter.TryParse("all", out var all));

        // What instance B's tick would push, marked so it cannot be mistaken for A's own state.
        var marked = new LiveState("all", DateTimeOffset.UtcNow, new ViewsPerMinute([], []), [], 4242, null, []);
        await b.Services.GetRequiredService<IHubContext<EngagementHub, IEngagementClient>>().Clients.Group(all.Group).Update(marked);

        await Eventually.UntilAsync(() => client.Updates.Any(u => u.ActiveVisitors == 4242), received => received, TimeSpan.FromSeconds(30), "B's update on A's client");
    }
}
