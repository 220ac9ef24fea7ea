using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Security;

/// <summary>
/// The site-origin CORS policy and the per-IP rate limit of the events API. The limiter answers
/// 429 with <c>Retry-After</c> (ASP.NET's default is a bare 503, which a browser would treat as an outage).
/// </summary>
public static class IngestionSecurity
{
    public static IServiceCollection AddIngestionSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = (configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions()).WithDefaults().AllowedOrigins;
        services.AddCors(cors => cors.AddPolicy(EventsApi.CorsPolicy, policy => policy
            .WithOrigins([.. origins])
            .WithMethods(HttpMethods.Post)
            .WithHeaders("Content-Type", "Content-Encoding")
            .WithExposedHeaders(EventsApi.DroppedHeader, "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests from this address; retry later." },
                });
            };
            limiter.AddPolicy(EventsApi.RateLimitPolicy, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value.RateLimit;
                // Keyed by the address itself: formatting it as text cost an allocation on every request.
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress ?? IPAddress.None,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = settings.Window,
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
