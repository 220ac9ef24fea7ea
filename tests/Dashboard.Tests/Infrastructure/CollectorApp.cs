using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Icesco.Insights.Collector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real Collector in process over the shared engine, with a database of its own (migrated before it answers):
/// live tests post events through its public API, exactly as the website does.
/// </summary>
public sealed class CollectorApp : WebApplicationFactory<CollectorService>
{
    public const string Site = "https://www.icesco.org";
    private const string ApiKey = "dashboard-tests-key";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private readonly Dictionary<string, string?> settings;

    public CollectorApp(EngineFixture engine)
    {
        Database = "d_" + Guid.NewGuid().ToString("N")[..12];
        LogDirectory = Directory.CreateTempSubdirectory("icesco-dashboard-collector-log-");
        settings = new Dictionary<string, string?>
        {
            ["ClickHouse:ConnectionString"] = engine.Server.ConnectionString,
            ["ClickHouse:Database"] = Database,
            ["ClickHouse:Migrations:BlockStartup"] = "true",
            ["DurableLog:Directory"] = LogDirectory.FullName,
            ["Articles:ApiKeys:0:Name"] = "tests",
            ["Articles:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
        };
    }

    public string Database { get; }

    public DirectoryInfo LogDirectory { get; }

    /// <summary>Registers an article (en) so that views of its URL carry its topic and member states.</summary>
    public async Task<string> PutArticleAsync(string id, string topic, params string[] memberStates)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var url = $"{Site}/en/{id}/";
        var response = await client.PutAsJsonAsync($"/api/v1/articles/{id}", new
        {
            url,
            titles = new { ar = "عنوان " + id, en = "Title of " + id, fr = "Titre de " + id },
            topic,
            member_states = memberStates,
            language = "en",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return url;
    }

    public Task PostViewAsync(string url) => PostAsync($$"""{"type":"pageview","url":"{{url}}"}""");

    public Task PostRatingAsync(string url, int rating, string comment) =>
        PostAsync($$"""{"type":"feedback","url":"{{url}}","rating":{{rating}},"comment":"{{comment}}"}""");

    public async Task PostAsync(string json)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.UserAgent.ParseAdd(Chrome);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && LogDirectory.Exists)
        {
            LogDirectory.Delete(recursive: true);
        }
    }
}
