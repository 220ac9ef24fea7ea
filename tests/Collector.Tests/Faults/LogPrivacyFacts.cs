using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// The Collector's logs at every level (Trace, all categories, ASP.NET Core's own included) hold no
/// raw IP, user agent, cookie or API key, through every path a request can take: stored, duplicate,
/// invalid, oversize, wrong type, bot, datacenter, rate-limited, article API with a right and a wrong key.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class LogPrivacyFacts(EngineFixture engine) : IDisposable
{
    private const string ClientIp = "203.0.113.77";
    private const string CloudIp = "3.1.20.9";
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 UaMarker7f3a";
    private const string BotAgent = "curl/8.0 UaMarkerBot19";
    private const string Cookie = "session=CookieSecret9b2c; _ga=GaSecret55";
    private const string ApiKey = "ApiKeySecret4d1e6a";
    private const string WrongKey = "WrongKeySecret0c7";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("icesco-log-privacy-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task No_ip_user_agent_cookie_or_api_key_appears_in_any_log_line_at_any_level()
    {
        var database = "p_" + Guid.NewGuid().ToString("N")[..12];
        var collector = await CollectorProcess.StartAsync(engine.Server.ConnectionString, database, work.CreateSubdirectory("log").FullName, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            ["ForwardedHeaders:Enabled"] = "true",
            ["Ingestion:RateLimit:PermitLimit"] = "8",
            ["Articles:ApiKeys:0:Name"] = "cms",
            ["Articles:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
        });
        var statuses = new List<HttpStatusCode>();
        await using (collector)
        {
            using var http = new HttpClient { BaseAddress = collector.Endpoint };
            var id = Guid.NewGuid();
            var view = $$"""{"type":"pageview","id":"{{id}}","url":"https://icesco.org/en/a-1","referrer":"https://news.example/x"}""";
            statuses.Add(await PostAsync(http, view, ClientIp));
            statuses.Add(await PostAsync(http, view, ClientIp)); // duplicate
            statuses.Add(await PostAsync(http, """{"type":"rating","url":"https://icesco.org/en/a-1","rating":9,"comment":"call +212 600 000 000"}""", ClientIp));
            statuses.Add(await PostAsync(http, """{"type":"pageview","url":""" + new string('x', 70_000) + "}", ClientIp));
            statuses.Add(await PostAsync(http, view, ClientIp, contentType: "application/xml"));
            statuses.Add(await PostAsync(http, view.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), ClientIp, userAgent: BotAgent));
            statuses.Add(await PostAsync(http, view.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), CloudIp));
            for (var i = 0; i < 4; i++)
            {
                statuses.Add(await PostAsync(http, view, ClientIp)); // past the limit of 8: 429
            }
            var rightKey = await PutArticleAsync(http, ApiKey);
            var wrongKey = await PutArticleAsync(http, WrongKey);

            // The right key passes the key check (the metadata is then judged: this database has no reference rows).
            Assert.True(rightKey is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), rightKey.ToString());
            Assert.Equal(HttpStatusCode.Forbidden, wrongKey);
            await Task.Delay(TimeSpan.FromSeconds(2)); // a flush cycle or two, with their own log lines
            Assert.Equal(0, await collector.Process.StopAsync(CollectorProcess.Deadline));
        }

        // Every path was taken, so the grep below covers them.
        Assert.Contains(HttpStatusCode.Accepted, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
        Assert.Contains(HttpStatusCode.RequestEntityTooLarge, statuses);
        Assert.Contains(HttpStatusCode.UnsupportedMediaType, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        var output = collector.Process.Output;
        var lines = output.Split('\n');
        Assert.True(lines.Length > 50, $"Trace logging gave only {lines.Length} lines:\n{output}");
        string[] secrets = [ClientIp, CloudIp, "UaMarker7f3a", "UaMarkerBot19", "CookieSecret9b2c", "GaSecret55", ApiKey, WrongKey, "+212 600 000 000"];
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "log lines with personal data or secrets:\n" + string.Join('\n', leaks));

        new ReliabilityFigure("Hostile origins and tokens", $"Collector at Trace level, {statuses.Count + 2} requests over every path (202, 400, 413, 415, 429, bot, datacenter, API key right and wrong)", lines.Length,
            $"0 of {lines.Length:N0} log lines hold the client IP, user agent, cookie, API key or phone number", "").Record();
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string json, string ip, string contentType = "application/json", string userAgent = UserAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Cookie", Cookie);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ip);
        request.Headers.TryAddWithoutValidation("Origin", "https://icesco.org");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> PutArticleAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/articles/privacy-1")
        {
            Content = JsonContent.Create(new
            {
                url = "https://icesco.org/en/privacy-1",
                titles = new { ar = "عنوان", en = "A title", fr = "Un titre" },
                topic = "culture",
                member_states = new[] { "MA" },
                published_at = "2024-05-01T09:00:00Z",
                language = "en",
                translations = new[] { "privacy-1-ar", "privacy-1-fr" },
            }),
        };
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ClientIp);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
