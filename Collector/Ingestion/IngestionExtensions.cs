using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Security;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>Registers and maps the public ingestion API, its protections, its OpenAPI document and metrics.</summary>
public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddInsightsClickHouse(builder.Configuration);
        services.AddValidatedOptions<IngestionOptions>(IngestionOptions.SectionName).PostConfigure(o => o.WithDefaults());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<CountryResolver>();
        services.AddSingleton<DatacenterRanges>();
        services.AddSingleton<DailySaltStore>();
        services.AddSingleton<UnknownArticleRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<UnknownArticleRecorder>());
        services.AddSingleton<EventEnricher>();
        services.AddSingleton<EventPipeline>();

        services.AddIngestionSecurity(builder.Configuration);
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            var options = (builder.Configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions()).WithDefaults();
            kestrel.AddServerHeader = false;
            // A backstop only: RequestBodyReader holds the payload to MaxBatchBodyBytes exactly. Kestrel counts a chunked
            // body's framing too (aspnet/KestrelHttpServer#1877), so its limit alone refused chunked bodies just under
            // the cap; an eighth more leaves room for the framing of chunks of ~100 bytes and up.
            kestrel.Limits.MaxRequestBodySize = options.MaxBatchBodyBytes + (options.MaxBatchBodyBytes / 8);
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(1);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });

        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Icesco.Insights Collector";
            document.Info.Description = "Public ingestion of page views and satisfaction ratings from icesco.org, and server-to-server article metadata.";
            return Task.CompletedTask;
        }));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestionMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>CORS and the rate limiter, before the endpoints, whose route groups pick the policies.</summary>
    public static WebApplication UseIngestionSecurity(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapIngestionApi(this WebApplication app)
    {
        app.MapEvents();
        app.MapOpenApi(); // /openapi/v1.json
        app.MapPrometheusScrapingEndpoint(); // /metrics
        return app;
    }
}
