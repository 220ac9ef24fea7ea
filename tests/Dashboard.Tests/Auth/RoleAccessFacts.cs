using System.Net;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;

namespace Icesco.Insights.Dashboard.Tests.Auth;

/// <summary>Each role reaches what decision 0015 gives it and gets 403 elsewhere; anonymous requests are sent to sign in or get 401.</summary>
[Collection(EngineCollection.Name)]
public sealed class RoleAccessFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private DashboardApp app = null!;

    public async Task InitializeAsync() => app = new DashboardApp(engine, await TestDatabase.CreateAsync(engine));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    public static TheoryData<string, string, HttpStatusCode> Routes => new()
    {
        { DashboardRoles.Staff, "/api/v1/trends", HttpStatusCode.OK },
        { DashboardRoles.Staff, "/api/v1/panels/weekly", HttpStatusCode.OK },
        { DashboardRoles.Staff, "/api/v1/reports", HttpStatusCode.Forbidden },
        { DashboardRoles.Staff, "/reports", HttpStatusCode.Forbidden },
        { DashboardRoles.Staff, "/settings", HttpStatusCode.Forbidden },
        { DashboardRoles.Manager, "/api/v1/trends.csv", HttpStatusCode.OK },
        { DashboardRoles.Manager, "/api/v1/reports", HttpStatusCode.OK },
        { DashboardRoles.Manager, "/settings", HttpStatusCode.Forbidden },
        { DashboardRoles.Admin, "/api/v1/reports", HttpStatusCode.OK },
        { DashboardRoles.Admin, "/settings", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_role_gets_what_decision_0015_gives_it_and_403_elsewhere(string role, string path, HttpStatusCode expected)
    {
        var browser = await Browser.SignedInAsync(app, TestUsers.Of(role));
        var response = await browser.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_sees_the_jobs_link_on_the_settings_page()
    {
        var admin = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Admin));
        var page = await (await admin.GetAsync("/settings")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"http://127.0.0.1:5082/hangfire\"", page, StringComparison.Ordinal);
        Assert.Contains(">malik<", page, StringComparison.Ordinal); // the users, read-only
        Assert.DoesNotContain("PasswordHash", page, StringComparison.Ordinal);

        var manager = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Manager));
        var refused = await manager.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("hangfire", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_page_request_is_sent_to_sign_in_and_an_api_request_gets_401()
    {
        var anonymous = new Browser(app);
        var page = await anonymous.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=%2Fsettings", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/trends")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }
}
