using System.Linq.Expressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>
/// One recurring job a feature contributes: a stable id, the cron used unless <c>Jobs:Schedules:{id}</c>
/// says otherwise, and how to register it. Registered at start by <see cref="RecurringJobRegistrar"/>.
/// </summary>
public sealed class RecurringJobEntry
{
    private readonly Action<IRecurringJobManager, string, RecurringJobOptions> register;

    internal RecurringJobEntry(string id, string defaultCron, Action<IRecurringJobManager, string, RecurringJobOptions> register)
    {
        Id = id;
        DefaultCron = defaultCron;
        this.register = register;
    }

    public string Id { get; }

    public string DefaultCron { get; }

    internal void Register(IRecurringJobManager manager, string cron, RecurringJobOptions options) => register(manager, cron, options);
}

/// <summary>How features add their recurring jobs to the catalogue.</summary>
public static class RecurringJobCatalog
{
    /// <summary>
    /// Adds a recurring job with a stable <paramref name="id"/>; its cron is <c>Jobs:Schedules:{id}</c> or
    /// <paramref name="defaultCron"/>, read in <c>Jobs:TimeZone</c>. The call should take no or small
    /// arguments (a <see cref="CancellationToken"/> is replaced by the server's) and compute its period at run time.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string defaultCron, Expression<Func<TJob, Task>> call)
        where TJob : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultCron);
        ArgumentNullException.ThrowIfNull(call);

        services.TryAddTransient<TJob>();
        services.AddSingleton(new RecurringJobEntry(id, defaultCron,
            (manager, cron, options) => manager.AddOrUpdate(id, call, cron, options)));
        return services;
    }
}
