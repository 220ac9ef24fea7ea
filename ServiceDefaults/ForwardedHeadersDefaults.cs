using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>Turns <see cref="ReverseProxyOptions"/> into the framework's forwarded-headers settings.</summary>
internal static class ForwardedHeadersDefaults
{
    public static void AddForwardedHeadersDefaults(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReverseProxyOptions>(ReverseProxyOptions.SectionName);

        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ReverseProxyOptions>>(static (forwarded, proxy) =>
            {
                // Only the client address and scheme: X-Forwarded-Host would let a client pick the
                // host name that links and redirects are built from.
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var entry in proxy.Value.TrustedProxies)
                {
                    if (IPAddress.TryParse(entry, out var address))
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                    else
                    {
                        forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                    }
                }
            });
    }
}
