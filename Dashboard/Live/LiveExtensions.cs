using Microsoft.Extensions.DependencyInjection.Extensions;
using Icesco.Insights.ServiceDefaults;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>The live feature: the hub, its subscriptions and the tick that queries once and pushes to every group.</summary>
public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<LiveOptions>(LiveOptions.SectionName);
        services.AddSignalR(hub =>
        {
            // Clients only ever send Subscribe("…"): a small limit keeps a hostile client from making the server buffer.
            hub.MaximumReceiveMessageSize = 4 * 1024;
        });
        services.AddSingleton<ViewsPerMinuteQuery>();
        services.AddSingleton<TopArticlesQuery>();
        services.AddSingleton<ActiveVisitorsQuery>();
        services.AddSingleton<LiveCsatQuery>();
        services.AddSingleton<NewRatingsQuery>();
        services.AddSingleton<LiveStateReader>();
        services.AddSingleton<LiveSnapshots>();
        services.AddSingleton<NewRatingsFeed>();
        services.AddSingleton<LiveSubscriptions>();
        services.AddHostedService<LiveTickService>();
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        HubOriginGuard.Use(app, [.. app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.AllowedOrigins]);
        app.MapHub<EngagementHub>(EngagementHub.Path);
        return app;
    }
}
