using System.Net;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>A staff member's browser on the running Dashboard: signs in through the form and keeps the cookie.</summary>
internal sealed partial class DashboardSession : IDisposable
{
    private readonly Uri dashboard;
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;

    private DashboardSession(Uri dashboard)
    {
        this.dashboard = dashboard;
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
    }

    public string CookieHeader => cookies.GetCookieHeader(dashboard);

    public static async Task<DashboardSession> SignInAsync(Uri dashboard, string name, string password)
    {
        var session = new DashboardSession(dashboard);
        var form = await session.http.GetStringAsync(new Uri(dashboard, "account/sign-in"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        });
        using var response = await session.http.PostAsync(new Uri(dashboard, "account/sign-in"), content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(dashboard, path));

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
