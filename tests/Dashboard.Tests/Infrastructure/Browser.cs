using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>
/// An HTTP client that keeps cookies by hand, like a browser would, so tests can read the sign-in cookie (for the
/// SignalR client) and can choose to leave the antiforgery token out.
/// </summary>
public sealed partial class Browser(DashboardApp app)
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public bool HasSignInCookie => cookies.ContainsKey("icesco-insights");

    public static async Task<Browser> SignedInAsync(DashboardApp app, string name, string password = TestUsers.Password)
    {
        var browser = new Browser(app);
        var response = await browser.SignInAsync(name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password, bool withToken = true)
    {
        var form = await GetAsync("/account/sign-in");
        var page = await form.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Password"] = password };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = TokenOf(page);
        }
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = new FormUrlEncodedContent(fields) });
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }
        var response = await Http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }

    /// <summary>The antiforgery token a page's form carries (empty when it has none).</summary>
    public static string TokenOf(string page) => Token().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
