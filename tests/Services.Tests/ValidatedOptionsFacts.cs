using System.ComponentModel.DataAnnotations;

using Icesco.Insights.ServiceDefaults;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Services.Tests;

public sealed class ValidatedOptionsFacts
{
    [Fact]
    public async Task Settings_are_bound_from_the_named_section()
    {
        using var host = BuildHost(new() { ["Sample:Name"] = "collector-1", ["Sample:FlushInterval"] = "00:00:05" });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<SampleOptions>>().Value;
        Assert.Equal("collector-1", options.Name);
        Assert.Equal(TimeSpan.FromSeconds(5), options.FlushInterval);
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_required_setting_stops_the_host_at_start_with_the_setting_named()
    {
        // Build succeeds: the check belongs to start, before any request or job uses the value.
        using var host = BuildHost(new() { ["Sample:FlushInterval"] = "00:00:05" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(SampleOptions.Name), failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SampleOptions), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_duration_stops_the_host_at_start_with_the_setting_named()
    {
        using var host = BuildHost(new() { ["Sample:Name"] = "collector-1", ["Sample:FlushInterval"] = "02:00:00" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(SampleOptions.FlushInterval), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_in_code_holds_when_the_setting_is_absent()
    {
        using var host = BuildHost(new() { ["Sample:Name"] = "collector-1" });

        await host.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(1), host.Services.GetRequiredService<IOptions<SampleOptions>>().Value.FlushInterval);
        await host.StopAsync();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddValidatedOptions<SampleOptions>("Sample");
        return builder.Build();
    }

    private sealed class SampleOptions
    {
        [Required]
        public string Name { get; set; } = "";

        [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
        public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
    }
}
