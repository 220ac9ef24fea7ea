using Icesco.Insights.Jobs.Hosting;
using Icesco.Insights.Jobs.Mail;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Panels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Registers the weekly report (panels, rendering, storage, e-mail) and its Monday schedule.</summary>
public static class ReportsExtensions
{
    public const string JobId = "weekly-report";

    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddReports();
        // Mondays 07:00 in Jobs:TimeZone: the week just ended, before the managers' day starts.
        builder.Services.AddRecurringJob<WeeklyReportJob>(JobId, "0 7 * * 1", job => job.RunWeeklyAsync(CancellationToken.None));
        return builder;
    }

    /// <summary>The registrations without the schedule, for tests and the command line.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>()
            .BindConfiguration(ReportsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportsOptions>, ReportFontsValidation>());
        services.AddTrends();
        services.AddPanels();
        services.AddMail();
        services.TryAddSingleton<ReportLabelsQuery>();
        services.TryAddSingleton<ReportDataReader>();
        services.TryAddSingleton<ReportRenderer>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<ReportDelivery>();
        services.TryAddSingleton<WeeklyReportJob>();
        return services;
    }
}
