using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>The events API over HTTP against the real Collector: status codes, bodies and headers.</summary>
[Collection(EngineCollection.Name)]
public sealed class EventsApiFacts(EngineFixture engine) : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private readonly CollectorApp app = new(engine);

    public void Dispose() => app.Dispose();

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string contentType = "application/json", string userAgent = Chrome)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_content_type_other_than_json_or_text_is_answered_415()
    {
        var response = await PostAsync(app.CreateClient(), """{"type":"pageview","url":"https://icesco.org/"}""", "application/xml");
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_charset_other_than_utf8_is_answered_415_even_for_text_plain()
    {
        var response = await PostAsync(app.CreateClient(), """{"type":"pageview","url":"https://icesco.org/"}""", "text/plain; charset=iso-8859-1");
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_beacon_and_its_resend_are_answered_with_the_same_json_as_any_other_202()
    {
        // The usual answers are bytes made at start; they must read exactly as the generic serialization does.
        var client = app.CreateClient();
        var json = $$"""{"type":"pageview","event_id":"{{Guid.NewGuid()}}","url":"https://icesco.org/ar/"}""";
        var first = await PostAsync(client, json, "text/plain;charset=UTF-8");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"accepted":1,"duplicates":0,"dropped":{},"rejected":[]}""", await first.Content.ReadAsStringAsync());

        var again = await PostAsync(client, json, "text/plain;charset=UTF-8");
        Assert.Equal("""{"accepted":0,"duplicates":1,"dropped":{},"rejected":[]}""", await again.Content.ReadAsStringAsync());

        var mixed = await PostAsync(client, """[{"type":"pageview","url":"https://icesco.org/fr/"},{"type":"pageview","url":"https://elsewhere.example/"},{"type":"x","url":"https://icesco.org/"}]""");
        var body = await mixed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("dropped").GetProperty("foreign-site").GetInt32());
        Assert.Equal(2, Assert.Single(body.GetProperty("rejected").EnumerateArray()).GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task A_single_event_over_64_kb_is_answered_413()
    {
        var json = $$"""{"type":"pageview","url":"https://icesco.org/","padding":"{{new string('x', 70 * 1024)}}"}""";
        await ProblemAsync(await PostAsync(app.CreateClient(), json), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_gzip_bomb_is_answered_413_after_decompressing_no_more_than_the_limit()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            gzip.Write("["u8);
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros); // 64 MB of zeros inflate from a few tens of KB
            }
        }
        Assert.True(compressed.Length < 200 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        await ProblemAsync(await app.CreateClient().SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_gzip_body_within_the_limit_is_read()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("""{"type":"pageview","url":"https://elsewhere.example/"}"""u8);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.UserAgent.ParseAdd(Chrome);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode); // dropped as foreign, but read and judged
    }

    [Fact]
    public async Task A_single_invalid_event_is_answered_400_naming_the_field_and_rule()
    {
        var response = await PostAsync(app.CreateClient(), """{"type":"feedback","url":"https://icesco.org/","rating":8}""", "text/plain");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("within-scale", problem.GetProperty("errors").GetProperty("rating")[0].GetString(), StringComparison.Ordinal);
        var violation = problem.GetProperty("violations")[0];
        Assert.Equal(("rating", "within-scale"), (violation.GetProperty("field").GetString(), violation.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task A_batch_without_a_valid_event_is_answered_400_naming_events_by_index()
    {
        var response = await PostAsync(app.CreateClient(), """[{"type":"pageview","url":5},{"type":"pageview","url":"data:x"}]""");
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("events[0].url", out _));
        Assert.StartsWith("forbidden-scheme", errors.GetProperty("events[1].url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_answered_400_with_rule_json_syntax()
    {
        var problem = await ProblemAsync(await PostAsync(app.CreateClient(), """{"type":"pageview","""), HttpStatusCode.BadRequest);
        Assert.StartsWith("json-syntax", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_answered_400_with_rule_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"pageview","url":"https://icesco.org/","article_id":"__"}""");
        var at = Array.IndexOf(bytes, (byte)'_');
        (bytes[at], bytes[at + 1]) = (0xFF, 0xFE);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var problem = await ProblemAsync(await app.CreateClient().SendAsync(request), HttpStatusCode.BadRequest);
        Assert.StartsWith("utf-8", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_events_is_answered_400()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("""{"type":"pageview","url":"https://icesco.org/"}""", 1001)) + "]";
        var problem = await ProblemAsync(await PostAsync(app.CreateClient(), batch), HttpStatusCode.BadRequest);
        Assert.StartsWith("max-items", problem.GetProperty("errors").GetProperty("events")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropped_events_are_answered_202_and_summarised_in_the_header()
    {
        var bot = await PostAsync(app.CreateClient(), """[{"type":"pageview","url":"https://icesco.org/"}]""", userAgent: "Mozilla/5.0 HeadlessChrome/126.0");
        Assert.Equal(HttpStatusCode.Accepted, bot.StatusCode);
        Assert.Equal("bot=1", bot.Headers.GetValues("X-Insights-Dropped").Single());

        var foreign = await PostAsync(app.CreateClient(), """[{"type":"pageview","url":"https://copy.example/en/"},{"type":"pageview","url":"https://mirror.example/"}]""");
        Assert.Equal("foreign-site=2", foreign.Headers.GetValues("X-Insights-Dropped").Single());
        var body = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("dropped").GetProperty("foreign-site").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/events").TryGetProperty("post", out var post));
        Assert.False(string.IsNullOrEmpty(post.GetProperty("summary").GetString()));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        Assert.True(paths.GetProperty("/api/v1/articles/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/articles").TryGetProperty("put", out _));
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text()
    {
        await PostAsync(app.CreateClient(), """{"type":"pageview","url":"https://icesco.org/"}""", userAgent: "curl/8.0");
        var text = await Eventually.UntilAsync(
            () => app.CreateClient().GetStringAsync("/metrics"),
            t => t.Contains("insights_collector_events_dropped", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "dropped counter on /metrics");
        Assert.Contains("reason=\"bot\"", text, StringComparison.Ordinal);
    }
}
