namespace Icesco.Insights.Jobs.Hosting;

/// <summary>Hangfire in the Jobs service: storage, server, recurring jobs, the admin-only dashboard.</summary>
public static class JobsHostingExtensions
{
    public static IHostApplicationBuilder AddJobsHosting(this IHostApplicationBuilder builder) => builder; // stub

    public static WebApplication MapJobsDashboard(this WebApplication app) => app; // stub
}
