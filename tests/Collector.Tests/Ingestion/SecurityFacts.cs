using System.Net;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Ingestion;

[Collection(EngineCollection.Name)]
public sealed class SecurityFacts(EngineFixture engine)
{
    [Fact]
    public async Task Too_many_requests_from_one_address_are_answered_429_with_retry_after()
    {
        using var app = new CollectorApp(engine, new Dictionary<string, string?>
        {
            ["Ingestion:RateLimit:PermitLimit"] = "2",
            ["Ingestion:RateLimit:Window"] = "00:10:00",
        });
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await EventsApiFacts.PostAsync(client, """{"type":"pageview","url":"https://elsewhere.example/"}""");
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_preflight_from_the_site_is_allowed_and_one_from_a_foreign_origin_is_not()
    {
        using var app = new CollectorApp(engine);
        var client = app.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://www.icesco.org"));
        Assert.Equal("https://www.icesco.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);

        var foreign = await client.SendAsync(Preflight("https://evil.example"));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
