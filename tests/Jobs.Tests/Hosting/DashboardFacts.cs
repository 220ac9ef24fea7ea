using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Icesco.Insights.Jobs.Hosting;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.Jobs.Tests.Hosting;

public sealed class DashboardFacts
{
    private const string Password = "correct horse battery staple";

    private static JobsHostFactory WithAdmin() => new(new Dictionary<string, string?>
    {
        ["Jobs:DashboardAdmins:0:Name"] = "ops",
        ["Jobs:DashboardAdmins:0:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Password))),
    });

    private static AuthenticationHeaderValue Basic(string name, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));

    [Fact]
    public async Task Dashboard_is_not_mapped_when_no_admin_is_configured()
    {
        await using var factory = new JobsHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();
        var response = await client.GetAsync(JobsHostingExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_without_credentials_is_401_with_a_basic_challenge()
    {
        await using var factory = WithAdmin();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(JobsHostingExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DashboardAdminFilter.Challenge, response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Dashboard_asks_a_request_from_the_same_host_for_credentials_too()
    {
        // Behind a reverse proxy on the same host every request comes from loopback: that proves nothing.
        await using var factory = WithAdmin();
        var context = await factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Connection.LocalIpAddress = IPAddress.Loopback;
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = JobsHostingExtensions.DashboardPath;
        });
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        new Icesco.Insights.TestSupport.ReliabilityFigure("Hostile origins and tokens", "/hangfire from loopback, as through a same-host reverse proxy", 1, "401 with a Basic challenge", "").Record();
    }

    [Theory]
    [InlineData("ops", "wrong")]
    [InlineData("someone", Password)]
    public async Task Dashboard_with_wrong_credentials_is_401(string name, string password)
    {
        await using var factory = WithAdmin();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(name, password);
        var response = await client.GetAsync(JobsHostingExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_with_an_admins_credentials_is_200()
    {
        await using var factory = WithAdmin();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("ops", Password);
        var response = await client.GetAsync(JobsHostingExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
