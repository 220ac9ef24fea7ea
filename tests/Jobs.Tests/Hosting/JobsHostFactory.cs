using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Icesco.Insights.Jobs.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Icesco.Insights.Jobs.Tests.Hosting;

/// <summary>The Jobs service in memory with the given settings; ClickHouse points nowhere (not used here).</summary>
public sealed class JobsHostFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<JobsService>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ClickHouse:ConnectionString", "Host=127.0.0.1;Port=1");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}

/// <summary>A recurring job for tests: records each execution with its scheduled occurrence.</summary>
public sealed class ProbeJob(IHostApplicationLifetime host)
{
    public static readonly System.Collections.Concurrent.ConcurrentBag<(string Tag, string JobId, string Occurrence, int Host)> Runs = [];

    public Task RunAsync(string tag, Hangfire.Server.PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // "Time" is the occurrence the recurring scheduler fired for (Unix seconds).
        Runs.Add((tag, context.BackgroundJob.Id, context.GetJobParameter<string>("Time") ?? "?",
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(host)));
        return Task.CompletedTask;
    }
}
