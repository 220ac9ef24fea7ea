using System.Net;

using Icesco.Insights.Collector;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Services.Tests;

public sealed class ForwardedHeadersFacts : IDisposable
{
    private static readonly IPAddress s_client = IPAddress.Parse("203.0.113.7");

    private readonly CollectorFactory _factory = new();

    [Fact]
    public async Task Forwarded_headers_are_ignored_by_default()
    {
        var seen = await ClientAsSeenBy(Service(), from: IPAddress.Loopback);

        Assert.Equal("http 127.0.0.1", seen);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_loopback_proxy_are_believed_once_enabled()
    {
        var seen = await ClientAsSeenBy(Service(("ForwardedHeaders:Enabled", "true")), from: IPAddress.Loopback);

        Assert.Equal($"https {s_client}", seen);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_in_a_trusted_network_are_believed()
    {
        var service = Service(("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:TrustedProxies:0", "172.18.0.0/16"));

        var seen = await ClientAsSeenBy(service, from: IPAddress.Parse("172.18.0.9"));

        Assert.Equal($"https {s_client}", seen);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored_even_when_enabled()
    {
        var service = Service(("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:TrustedProxies:0", "10.0.0.5"));

        var seen = await ClientAsSeenBy(service, from: IPAddress.Parse("198.51.100.1"));

        Assert.Equal("http 198.51.100.1", seen);
    }

    public void Dispose() => _factory.Dispose();

    private WebApplicationFactory<CollectorService> Service(params (string Key, string Value)[] settings)
    {
        return _factory.WithWebHostBuilder(web => web
            .ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
                settings.Select(static s => KeyValuePair.Create(s.Key, (string?)s.Value))))
            .ConfigureServices(static services => services.AddSingleton<IStartupFilter>(new TestEndpoints())));
    }

    /// <summary>Sends a request as a proxy at <paramref name="from"/> would, forwarding an HTTPS client.</summary>
    private static async Task<string> ClientAsSeenBy(WebApplicationFactory<CollectorService> service, IPAddress from)
    {
        var context = await service.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = from;
            request.Request.Path = TestEndpoints.ClientPath;
            request.Request.Headers["X-Forwarded-For"] = s_client.ToString();
            request.Request.Headers["X-Forwarded-Proto"] = "https";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
