using Icesco.Insights.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Jobs.Retention;

/// <summary>Registers the raw-event retention and its daily run.</summary>
public static class RetentionExtensions
{
    /// <summary>
    /// Adds <see cref="RetentionJob"/> (its retention is <c>ClickHouse:RawEventRetention</c>) and schedules
    /// <c>retention-daily</c>. Needs the ClickHouse client and options of <c>AddInsightsClickHouse</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRetention();

        // 03:40 local: the quietest hours of the site, and clear of the hourly trends (minute 0) and alerts (minute 10).
        builder.Services.AddRecurringJob<RetentionJob>("retention-daily", "40 3 * * *", job => job.RunAsync(CancellationToken.None));
        return builder;
    }

    /// <summary>The registrations of <see cref="AddRetention(IHostApplicationBuilder)"/>, for tests and tools without a host builder.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RawEventPartitionsQuery>();
        services.TryAddSingleton<RetentionJob>();
        return services;
    }
}
