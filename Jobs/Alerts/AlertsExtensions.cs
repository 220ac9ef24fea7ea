using Icesco.Insights.Jobs.Hosting;
using Icesco.Insights.Jobs.Mail;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>Registers the alerts: the job, its queries, the mail sender, and the hourly run after the trends.</summary>
public static class AlertsExtensions
{
    /// <summary>
    /// Adds <see cref="AlertsJob"/> with <see cref="AlertsOptions"/> (section <c>Alerts</c>) and mail (section <c>Smtp</c>),
    /// both validated at start, and schedules <c>alerts-hourly</c>. Needs the ClickHouse client of <c>AddInsightsClickHouse</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAlerts();

        // Minute 10: after trends-hourly (minute 0) has rewritten yesterday and last week. A separate job rather than a
        // continuation, so a mail failure retries the alerts alone; AlertRules.IsComplete skips a period whose trends are late.
        builder.Services.AddRecurringJob<AlertsJob>("alerts-hourly", "10 * * * *", job => job.RunAsync(CancellationToken.None));
        return builder;
    }

    /// <summary>The registrations of <see cref="AddAlerts(IHostApplicationBuilder)"/>, for tests and tools without a host builder.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<AlertsOptions>(AlertsOptions.SectionName);
        if (!services.Any(d => d.ServiceType == typeof(TrendsJob)))
        {
            services.AddTrends(); // the alerts read the trends' table in the trends' time zone
        }
        services.AddMail();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrendWindowQuery>();
        services.TryAddSingleton<AlertHistoryQuery>();
        services.TryAddSingleton<AlertWriter>();
        services.TryAddSingleton<ReportLabelsQuery>(); // the names of topics and member states in the mail
        services.TryAddSingleton<AlertsJob>();
        return services;
    }
}
