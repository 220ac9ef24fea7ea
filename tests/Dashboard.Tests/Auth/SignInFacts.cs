using System.Net;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;

namespace Icesco.Insights.Dashboard.Tests.Auth;

[Collection(EngineCollection.Name)]
public sealed class SignInFacts(EngineFixture engine) : IDisposable
{
    private readonly DashboardApp app = new(engine, "unused");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_answered_400()
    {
        var browser = new Browser(app);
        var response = await browser.SignInAsync(TestUsers.Of(DashboardRoles.Admin), TestUsers.Password, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(browser.HasSignInCookie);
        new Icesco.Insights.TestSupport.ReliabilityFigure("Hostile origins and tokens", "Dashboard sign-in POST without its antiforgery token", 1, "400, no session cookie", "").Record();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error_and_sets_no_cookie()
    {
        var browser = new Browser(app);
        var response = await browser.SignInAsync(TestUsers.Of(DashboardRoles.Admin), "not the password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not right.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", page, StringComparison.Ordinal);
        Assert.False(browser.HasSignInCookie);
    }

    [Fact]
    public async Task A_right_password_signs_in_and_returns_to_the_local_page_asked_for_but_never_to_another_site()
    {
        var browser = new Browser(app);
        var form = await browser.GetAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var response = await browser.SignInAsync(TestUsers.Of(DashboardRoles.Staff), TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
        Assert.True(browser.HasSignInCookie);
    }

    [Fact]
    public async Task Signing_out_takes_a_post_with_the_token_and_ends_the_sign_in()
    {
        var browser = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));
        var withoutToken = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-out") { Content = new FormUrlEncodedContent([]) });
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var form = await (await browser.GetAsync("/account/sign-out")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedOut = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-out")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(browser.HasSignInCookie);
    }
}
