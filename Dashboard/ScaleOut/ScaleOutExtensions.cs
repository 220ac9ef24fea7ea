using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Icesco.Insights.Dashboard.ScaleOut;

/// <summary>
/// Several Dashboard instances behind a load balancer: with <c>Dashboard:ScaleOut:Redis</c> set, SignalR messages
/// travel over a Redis backplane (a client on instance A receives what instance B sends to its group) and the
/// data-protection keys that sign cookies and antiforgery tokens live in Redis (a cookie issued by A works on B).
/// Without it the instance stands alone, its keys under <c>Dashboard:DataDirectory/keys</c> (with its other data, so
/// sign-ins survive a restart and a container's volume keeps them).
/// </summary>
public static class ScaleOutExtensions
{
    public const string RedisSetting = ScaleOutOptions.SectionName + ":" + nameof(ScaleOutOptions.Redis);
    public const string ChannelPrefix = "icesco-insights";
    public const string KeysKey = "icesco-insights:dashboard:data-protection-keys";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<ScaleOutOptions>(ScaleOutOptions.SectionName);
        // Every instance must present the same application name, or each would read only its own keys.
        var protection = builder.Services.AddDataProtection().SetApplicationName("Icesco.Insights.Dashboard");
        // Bound here as well: whether there is a backplane is decided while the services are registered.
        var options = builder.Configuration.GetSection(ScaleOutOptions.SectionName).Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        if (!options.Enabled)
        {
            // Resolved when the keys are first needed: the data directory is an option, bound and validated by then.
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<DashboardOptions>, ILoggerFactory>((keys, dashboard, logs) =>
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(dashboard.Value.DataDirectory, "keys")), logs));
            return builder;
        }
        // Checked now, as the host's start would: the connection below is made before the host starts.
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        // Connected at start: a Dashboard told to share its keys must not start alone and issue cookies others reject.
        var connection = ConnectionMultiplexer.Connect(options.Redis);
        builder.Services.AddSingleton<IConnectionMultiplexer>(connection);
        protection.PersistKeysToStackExchangeRedis(connection, KeysKey);
        builder.Services.AddSignalR().AddStackExchangeRedis(options.Redis, redis =>
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        return builder;
    }
}
