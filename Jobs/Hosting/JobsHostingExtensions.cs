using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>Hangfire in the Jobs service: storage, server, recurring jobs, the admin-only dashboard.</summary>
public static partial class JobsHostingExtensions
{
    public const string DashboardPath = "/hangfire";

    public static IHostApplicationBuilder AddJobsHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Storage and activator belong to this host, not to Hangfire's process-wide statics, so two hosts
        // in one process (tests) never share them by accident. Registered before AddHangfire, which only TryAdds.
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // Before the server, so the schedule is in place when it starts polling.
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });
        return builder;
    }

    /// <summary>Maps the dashboard for the configured admins only; with none configured it is not mapped at all.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobsHostingExtensions));
        if (options.DashboardAdmins.Count == 0)
        {
            DashboardNotMapped(logger);
            return app;
        }

        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Replaces Hangfire's default LocalRequestsOnly filter: being local proves nothing behind a proxy.
            Authorization = [],
            AsyncAuthorization = [new DashboardAdminFilter([.. options.DashboardAdmins])],
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    private static JobStorage CreateStorage(JobsOptions options) => options.Storage switch
    {
        JobsStorageKind.Redis => new RedisStorage(options.RedisConnection, new RedisStorageOptions { Prefix = options.RedisPrefix }),
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire dashboard not mapped: no Jobs:DashboardAdmins configured")]
    private static partial void DashboardNotMapped(ILogger logger);
}
