using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>Registers the durable write path: the on-disk log behind <see cref="IEventSink"/> and its flusher.</summary>
public static class DurableLogExtensions
{
    public static IHostApplicationBuilder AddDurableLog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<DurableLogOptions>(DurableLogOptions.SectionName);
        services.AddInsightsClickHouse(builder.Configuration); // no-op when already added: one client per process
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddSingleton<DurableLogMetrics>();
        services.AddSingleton(sp => WriteAheadLog.Open(
            sp.GetRequiredService<IOptions<DurableLogOptions>>().Value,
            sp.GetRequiredService<ILogger<WriteAheadLog>>(),
            sp.GetRequiredService<DurableLogMetrics>()));
        services.AddSingleton<DurableEventSink>();
        services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<DurableEventSink>());
        services.AddSingleton<BadRowFile>();
        services.AddSingleton<ClickHouseEventWriter>();
        services.AddHostedService<LogFlusher>();
        services.AddHealthChecks().AddCheck<DurableLogHealthCheck>(DurableLogHealthCheck.Name);
        return builder;
    }
}
