using Icesco.Insights.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>Registers the trend computation (the job itself and its queries).</summary>
public static class TrendsExtensions
{
    /// <summary>
    /// Adds <see cref="TrendsJob"/> and its queries with <see cref="TrendsOptions"/> (section <c>Trends</c>,
    /// validated at start). Needs the ClickHouse client of <c>AddInsightsClickHouse</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTrends(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrends();

        // Hourly: today, yesterday, this and last ISO week are recomputed (idempotent), so late events count.
        builder.Services.AddRecurringJob<TrendsJob>("trends-hourly", "0 * * * *", job => job.RunHourlyAsync(CancellationToken.None));
        return builder;
    }

    /// <summary>The registrations of <see cref="AddTrends(IHostApplicationBuilder)"/>, for tests and tools without a host builder.</summary>
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddOptions<TrendsOptions>()
            .BindConfiguration(TrendsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeriodEngagementQuery>();
        services.TryAddSingleton<TrendHistoryQuery>();
        services.TryAddSingleton<TrendRowWriter>();
        services.TryAddSingleton<TrendsJob>();
        return services;
    }
}
