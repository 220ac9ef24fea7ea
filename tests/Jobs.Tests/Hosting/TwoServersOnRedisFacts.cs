using System.Diagnostics;
using Hangfire;
using Icesco.Insights.Jobs.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Jobs.Tests.Hosting;

public sealed class TwoServersOnRedisFacts(RedisProcess redis) : IClassFixture<RedisProcess>
{
    [Fact]
    public async Task Two_Jobs_servers_on_one_Redis_run_each_occurrence_of_a_recurring_job_once()
    {
        var tag = Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Storage"] = "Redis",
            ["Jobs:RedisConnection"] = redis.ConnectionString,
            ["Jobs:RedisPrefix"] = $"icesco:test:{tag}:", // this test owns its keys
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
        };
        // Every 3 seconds (Hangfire reads a leading seconds field), so occurrences come quickly.
        void Job(IServiceCollection services) =>
            services.AddRecurringJob<ProbeJob>("hosting-two-servers", "*/3 * * * * *", j => j.RunAsync(tag, null, CancellationToken.None));

        await using var first = new JobsHostFactory(settings, Job);
        await using var second = new JobsHostFactory(settings, Job);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        var storage = first.Services.GetRequiredService<JobStorage>();
        var clock = Stopwatch.StartNew();
        while (Runs(tag).Select(r => r.Occurrence).Distinct().Count() < 4 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
        }

        var runs = Runs(tag);
        Assert.True(runs.Select(r => r.Occurrence).Distinct().Count() >= 4, $"only {runs.Count} runs after {clock.Elapsed}");
        Assert.Equal(2, storage.GetMonitoringApi().Servers().Count);
        // One background job per occurrence, and each background job executed once, by either server.
        Assert.All(runs.GroupBy(r => r.Occurrence), occurrence => Assert.Single(occurrence));
        Assert.All(runs.GroupBy(r => r.JobId), job => Assert.Single(job));
    }

    private static List<(string Tag, string JobId, string Occurrence, int Host)> Runs(string tag) =>
        [.. ProbeJob.Runs.Where(r => r.Tag == tag)];
}
