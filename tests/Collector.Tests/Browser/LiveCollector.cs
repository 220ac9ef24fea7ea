using Icesco.Insights.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Collector.Tests.Browser;

/// <summary>
/// The Collector on a real Kestrel port (a browser cannot reach TestServer), over the embedded engine,
/// accepting events from the test page's origin.
/// </summary>
public sealed class LiveCollector : IAsyncDisposable
{
    private LiveCollector(CollectorApp app, Uri address)
    {
        App = app;
        Address = address;
    }

    public CollectorApp App { get; }

    public Uri Address { get; }

    public static LiveCollector Start(EngineFixture engine, Uri pageOrigin, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Ingestion:Sites:0"] = pageOrigin.Host,
            ["Ingestion:AllowedOrigins:0"] = pageOrigin.GetLeftPart(UriPartial.Authority),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new CollectorApp(engine, settings);
        app.UseKestrel();
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveCollector(app, new Uri(address));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
