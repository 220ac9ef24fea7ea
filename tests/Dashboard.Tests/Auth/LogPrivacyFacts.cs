using System.Net;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;

namespace Icesco.Insights.Dashboard.Tests.Auth;

/// <summary>
/// The Dashboard's logs at every level (Trace, all categories, ASP.NET Core's own included) hold no client IP, user
/// agent, password, session cookie or antiforgery token, through sign-in (right and wrong password), the pages, the
/// query API, the CSV export and the hub's negotiation.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class LogPrivacyFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string ClientIp = "203.0.113.77";
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 UaMarker7f3a";
    private const string WrongPassword = "WrongPasswordSecret4c9";

    private readonly CapturedLogs logs = new();
    private DashboardApp app = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            ["ForwardedHeaders:Enabled"] = "true",
        }) { Logs = logs };
        await new RawEvents(engine, database).ExploreWeekAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Fact]
    public async Task No_ip_user_agent_password_cookie_or_token_appears_in_any_log_line_at_any_level()
    {
        var wrong = Marked(new Browser(app));
        var refused = await wrong.SignInAsync(TestUsers.Of(DashboardRoles.Manager), WrongPassword);
        Assert.False(wrong.HasSignInCookie);

        var staff = Marked(new Browser(app));
        var form = await (await staff.GetAsync("/account/sign-in")).Content.ReadAsStringAsync();
        var signedIn = await staff.SignInAsync(TestUsers.Of(DashboardRoles.Staff), TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var statuses = new List<HttpStatusCode> { refused.StatusCode, signedIn.StatusCode };
        foreach (var path in new[]
        {
            "/", "/explore?period=custom&from=2026-03-02&to=2026-03-08&topic=culture", "/explore/feedback?period=custom&from=2026-03-02&to=2026-03-08",
            "/api/v1/explore/overview?period=custom&from=2026-03-02&to=2026-03-08", "/api/v1/explore/overview?period=nonsense",
            "/api/v1/explore/feedback.csv?period=custom&from=2026-03-02&to=2026-03-08", "/trends", "/reports",
        })
        {
            statuses.Add((await staff.GetAsync(path)).StatusCode);
        }
        statuses.Add((await staff.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hubs/engagement/negotiate?negotiateVersion=1"))).StatusCode);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses); // the nonsense period

        var lines = logs.Lines;
        Assert.True(lines.Count > 50, $"Trace logging gave only {lines.Count} lines");
        // The capture sees each request as Kestrel and routing log it, so the grep below reads every request's lines.
        Assert.Contains(lines, l => l.Contains("/api/v1/explore/feedback.csv", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/hubs/engagement/negotiate", StringComparison.Ordinal));
        var cookieValues = staff.CookieHeader.Split("; ").Select(c => c.Split('=', 2)[1]).Where(v => v.Length >= 16).ToList();
        Assert.NotEmpty(cookieValues);
        var token = Browser.TokenOf(form);
        Assert.NotEmpty(token);
        string[] secrets = [ClientIp, "UaMarker7f3a", TestUsers.Password, WrongPassword, token, .. cookieValues];
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "log lines with personal data or secrets:\n" + string.Join('\n', leaks));

        new Icesco.Insights.TestSupport.ReliabilityFigure("Hostile origins and tokens",
            $"Dashboard at Trace level, {statuses.Count} requests (sign-in right and wrong, pages, query API, CSV, hub negotiation)", lines.Count,
            $"0 of {lines.Count:N0} log lines hold the client IP, user agent, password, session cookie or antiforgery token", "").Record();
    }

    /// <summary>Every request of <paramref name="browser"/> carries the marked address (as a proxy forwards it) and user agent.</summary>
    private static Browser Marked(Browser browser)
    {
        browser.Http.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", ClientIp);
        browser.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        return browser;
    }
}
