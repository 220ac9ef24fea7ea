using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Icesco.Insights.Dashboard.Tests.Pages;

/// <summary>
/// The Dashboard on a real Kestrel port (a browser cannot reach TestServer) over the database of a real Collector,
/// which the tests feed through its public API, as the website does.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    private LiveDashboard(CollectorApp collector, DashboardApp dashboard, Uri address)
    {
        Collector = collector;
        Dashboard = dashboard;
        Address = address;
    }

    public CollectorApp Collector { get; }

    public DashboardApp Dashboard { get; }

    public Uri Address { get; }

    public static LiveDashboard Start(EngineFixture engine)
    {
        var collector = new CollectorApp(engine);
        using (collector.CreateClient())
        {
            // Started: the schema is in place once it answers.
        }

        var dashboard = new DashboardApp(engine, collector.Database, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
        });
        dashboard.UseKestrel();
        dashboard.StartServer();
        var address = dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveDashboard(collector, dashboard, new Uri(address));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>Signs <paramref name="name"/> in through the form, as a person would, and lands on <paramref name="path"/>.</summary>
    public async Task SignInAsync(IPage page, string name, string path = "/")
    {
        await page.GotoAsync(Url(path));
        await page.Locator("input[name=Name]").FillAsync(name);
        await page.Locator("input[name=Password]").FillAsync(TestUsers.Password);
        await page.Locator("form.sign-in-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
