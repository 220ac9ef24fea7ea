using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Storage;
using Icesco.Insights.Jobs.Hosting;

namespace Icesco.Insights.Jobs.Tests.Hosting;

public sealed class SettingsFacts
{
    private static Exception StartFails(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        using var factory = new JobsHostFactory(settings, services);
        var error = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_host_with_the_setting_named()
    {
        var error = StartFails(new() { ["Jobs:TimeZone"] = "Mars/Olympus_Mons" });
        Assert.Contains("Jobs:TimeZone", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_storage_without_a_connection_stops_the_host_with_the_setting_named()
    {
        var error = StartFails(new() { ["Jobs:Storage"] = "Redis" });
        Assert.Contains("Jobs:RedisConnection", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_cron_stops_the_host_with_the_setting_named()
    {
        var error = StartFails(
            new() { ["Jobs:Schedules:hosting-bad-cron"] = "every hour please" },
            services => services.AddRecurringJob<ProbeJob>("hosting-bad-cron", "0 * * * *", j => j.RunAsync("bad", null, CancellationToken.None)));
        Assert.Contains("Jobs:Schedules:hosting-bad-cron", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recurring_jobs_are_registered_with_their_stable_id_configured_cron_and_the_time_zone()
    {
        await using var factory = new JobsHostFactory(
            new Dictionary<string, string?> { ["Jobs:Schedules:hosting-probe"] = "15 * * * *" },
            services => services
                .AddRecurringJob<ProbeJob>("hosting-probe", "0 * * * *", j => j.RunAsync("probe", null, CancellationToken.None))
                .AddRecurringJob<ProbeJob>("hosting-default", "30 3 * * *", j => j.RunAsync("default", null, CancellationToken.None)));
        using var client = factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("15 * * * *", jobs["hosting-probe"].Cron);
        Assert.Equal("30 3 * * *", jobs["hosting-default"].Cron);
        Assert.All(new[] { jobs["hosting-probe"], jobs["hosting-default"] }, j => Assert.Equal("Africa/Casablanca", j.TimeZoneId));
    }

    [Fact]
    public async Task The_trends_job_runs_hourly_under_its_stable_id_in_the_headquarters_time_zone()
    {
        await using var factory = new JobsHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var trends = connection.GetRecurringJobs().Single(j => j.Id == "trends-hourly");

        Assert.Equal("0 * * * *", trends.Cron);
        Assert.Equal("Africa/Casablanca", trends.TimeZoneId);
        Assert.Equal("RunHourlyAsync", trends.Job.Method.Name);
    }
}
