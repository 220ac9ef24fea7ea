using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>Puts the shared middleware at the very start of every service's pipeline.</summary>
internal sealed class ServiceDefaultsStartupFilter(IOptions<ReverseProxyOptions> proxy) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        return app =>
        {
            // First, so that everything after it (the error handler, logging, rate limits) sees
            // the client's address and scheme rather than the proxy's.
            if (proxy.Value.Enabled)
            {
                app.UseForwardedHeaders();
            }

            // Unhandled exceptions and bodiless error statuses (404, 405, …) leave as
            // application/problem+json via the IProblemDetailsService, never as an HTML page.
            app.UseExceptionHandler();
            app.UseStatusCodePages();

            next(app);
        };
    }
}
