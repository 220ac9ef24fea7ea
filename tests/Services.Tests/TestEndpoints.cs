using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.Services.Tests;

/// <summary>
/// Endpoints that exist only in tests, added behind the shared middleware (a startup filter
/// registered after the defaults' own runs inside it), so tests see what the defaults do to them.
/// </summary>
internal sealed class TestEndpoints : IStartupFilter
{
    public const string ThrowPath = "/test/throw";
    public const string ClientPath = "/test/client";
    public const string SecretMessage = "secret connection string";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        return app =>
        {
            app.Map(ThrowPath, branch => branch.Run(static _ => throw new InvalidOperationException(SecretMessage)));
            app.Map(ClientPath, branch => branch.Run(static context =>
                context.Response.WriteAsync($"{context.Request.Scheme} {context.Connection.RemoteIpAddress}")));
            next(app);
        };
    }
}
