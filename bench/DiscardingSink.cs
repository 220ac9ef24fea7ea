using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Bench;

/// <summary>
/// An HTTP server that reads every request body and throws it away: the driver inserting into it
/// measures what the driver alone costs (row serialisation, compression, HTTP), with no engine behind.
/// </summary>
internal sealed class DiscardingSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private DiscardingSink(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<DiscardingSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/", async context =>
        {
            var buffer = new byte[1 << 16];
            while (await context.Request.Body.ReadAsync(buffer) > 0)
            {
            }

            context.Response.Headers["X-ClickHouse-Summary"] = "{\"written_rows\":\"0\"}";
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DiscardingSink(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
