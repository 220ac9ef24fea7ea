using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.Storage;
using Icesco.Insights.Jobs.Alerts;
using Icesco.Insights.Jobs.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Jobs.Tests.Alerts;

public sealed class AlertsSettingsFacts
{
    private static List<string> Errors(AlertsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void By_default_nobody_is_mailed_and_the_quiet_period_is_one_day()
    {
        var options = new AlertsOptions();

        Assert.Empty(Errors(options));
        Assert.Empty(options.Recipients);
        Assert.Equal(TimeSpan.FromDays(1), options.QuietPeriod);
    }

    [Fact]
    public void A_recipient_that_is_not_an_address_is_rejected_with_its_index_named()
    {
        var error = Assert.Single(Errors(new AlertsOptions { Recipients = ["staff@icesco.test", "the managers"] }));
        Assert.Contains("Alerts:Recipients:1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_period_out_of_range_is_rejected_naming_Alerts_QuietPeriod()
    {
        var error = Assert.Single(Errors(new AlertsOptions { QuietPeriod = TimeSpan.Zero }));
        Assert.Contains("Alerts:QuietPeriod", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Jobs_host_does_not_start_with_a_bad_recipient()
    {
        using var factory = new JobsHostFactory(new Dictionary<string, string?> { ["Alerts:Recipients:0"] = "nobody" });
        var error = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(error);
        Assert.Contains("Alerts:Recipients:0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_alerts_job_runs_hourly_at_minute_10_after_the_trends_in_the_headquarters_time_zone()
    {
        await using var factory = new JobsHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var alerts = connection.GetRecurringJobs().Single(j => j.Id == "alerts-hourly");

        Assert.Equal("10 * * * *", alerts.Cron);
        Assert.Equal("Africa/Casablanca", alerts.TimeZoneId);
        Assert.Equal(typeof(AlertsJob), alerts.Job.Type);
        Assert.Equal(nameof(AlertsJob.RunAsync), alerts.Job.Method.Name);
    }
}
