namespace Icesco.Insights.Collector.Ingestion;

/// <summary>Registers and maps the public ingestion API.</summary>
public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder) => builder; // stub

    public static WebApplication UseIngestionSecurity(this WebApplication app) => app; // stub

    public static WebApplication MapIngestionApi(this WebApplication app) => app; // stub
}
