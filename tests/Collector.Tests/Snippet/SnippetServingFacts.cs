using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Snippet;

/// <summary><c>GET /insights.js</c> through the Collector's real pipeline.</summary>
[Collection(EngineCollection.Name)]
public sealed class SnippetServingFacts(EngineFixture engine)
{
    [Fact]
    public async Task Snippet_is_served_as_javascript_with_cache_headers_and_an_etag()
    {
        await using var app = new CollectorApp(engine);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/insights.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("""{"scale":5,"respectDoNotTrack":true,""", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rating_scale_comes_from_the_ingestion_settings_and_dnt_from_the_snippet_settings()
    {
        await using var app = new CollectorApp(engine, new Dictionary<string, string?>
        {
            ["Ingestion:RatingScale"] = "7",
            ["Snippet:RespectDoNotTrack"] = "false",
            ["Snippet:CacheMaxAge"] = "00:10:00",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/insights.js");

        Assert.Contains("""{"scale":7,"respectDoNotTrack":false,""", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(10), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Snippet_answers_304_without_a_body_to_its_own_etag()
    {
        await using var app = new CollectorApp(engine);
        using var client = app.CreateClient();
        using var first = await client.GetAsync("/insights.js");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/insights.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_stale_etag_gets_the_script_again()
    {
        await using var app = new CollectorApp(engine);
        using var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/insights.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"older-version\""));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData("", null)]
    public async Task Snippet_is_compressed_as_the_browser_accepts(string acceptEncoding, string? expected)
    {
        await using var app = new CollectorApp(engine);
        using var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/insights.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        if (expected is null)
        {
            Assert.StartsWith("/*! Icesco.Insights snippet", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
        else
        {
            Assert.InRange(body.Length, 1, 5 * 1024 - 1); // the size browsers download
        }
    }

    [Fact]
    public async Task A_rating_scale_out_of_range_stops_the_collector_naming_the_setting()
    {
        await using var app = new CollectorApp(engine, new Dictionary<string, string?> { ["Ingestion:RatingScale"] = "1" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("RatingScale", error.ToString(), StringComparison.Ordinal);
    }
}
