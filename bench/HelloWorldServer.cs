using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Bench;

/// <summary>
/// The smallest Kestrel app — the ceiling any ASP.NET Core service can reach on this machine under the
/// same load tool. dotnet Icesco.Insights.Bench.dll hello --port N
/// </summary>
internal static class HelloWorldServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--port");
        var port = index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 5099;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", () => "Hello World!");
        app.MapPost("/", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Accepted();
        });
        Console.WriteLine($"hello world listening on http://127.0.0.1:{port}/");
        await app.RunAsync();
        return 0;
    }
}
