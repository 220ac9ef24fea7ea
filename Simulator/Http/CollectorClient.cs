using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Icesco.Insights.Simulator.Data;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Http;

/// <summary>What the Collector said to one batch.</summary>
public sealed record PostOutcome(HttpStatusCode Status, TimeSpan Latency, int Accepted, int Duplicates, int Dropped, int Rejected)
{
    public bool Ok => Status == HttpStatusCode.Accepted;
}

/// <summary>
/// The Collector's public API as the website and its CMS use it: event batches to
/// <c>POST /api/v1/events</c> (one browser per request: its user agent, and the address and
/// country a proxy in front would add) and article metadata to <c>PUT /api/v1/articles</c> with an API key.
/// </summary>
public sealed class CollectorClient(HttpClient http, string countryHeader = CollectorClient.DefaultCountryHeader)
{
    public const string DefaultCountryHeader = "CF-IPCountry";
    public const int MaxArticlesPerPut = 500;
    private const int MaxAttempts = 30;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Told when a request waits for the Collector (429 or 503), so that a long pause is explained.</summary>
    public IProgress<string>? Notices { get; set; }

    /// <summary>Registers <paramref name="articles"/> in bulk; throws with the Collector's answer on failure.</summary>
    public async Task RegisterArticlesAsync(IReadOnlyList<SimArticle> articles, string apiKey, CancellationToken cancellationToken)
    {
        foreach (var chunk in articles.Chunk(MaxArticlesPerPut))
        {
            var body = chunk.Select(a => new
            {
                id = a.Id,
                url = a.Url,
                // Only English titles are real (shared/data has no Arabic or French ones); the site falls back to them.
                titles = new { en = a.TitleEn },
                topic = a.Topic,
                member_states = a.MemberStates,
                published_at = a.PublishedAt,
                language = a.Language,
                translations = a.Translations,
            });
            using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/articles") { Content = JsonContent(JsonSerializer.SerializeToUtf8Bytes(body)) };
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"PUT /api/v1/articles answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
            }
        }
    }

    /// <summary>Posts one batch, waiting out 429 and 503 as their <c>Retry-After</c> says; throws on any other failure.</summary>
    public async Task<PostOutcome> PostWithRetryAsync(Visitor visitor, IReadOnlyList<SimEvent> events, CancellationToken cancellationToken)
    {
        var body = SimEvent.Batch(events);
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, retryAfter, problem) = await SendAsync(visitor, body, cancellationToken);
            if (outcome.Ok)
            {
                return outcome;
            }
            if (outcome.Status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt == MaxAttempts)
            {
                throw new HttpRequestException($"POST /api/v1/events answered {(int)outcome.Status}: {problem}", null, outcome.Status);
            }
            var pause = retryAfter is { } wait && wait < MaxWait ? wait : TimeSpan.FromSeconds(Math.Min(attempt, MaxWait.TotalSeconds));
            Notices?.Report($"the Collector answered {(int)outcome.Status}; retrying in {pause.TotalSeconds:0} s");
            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>Posts one already-serialised batch once, as the load generator measures it.</summary>
    public async Task<PostOutcome> PostOnceAsync(Visitor visitor, byte[] body, CancellationToken cancellationToken) =>
        (await SendAsync(visitor, body, cancellationToken)).Outcome;

    private async Task<(PostOutcome Outcome, TimeSpan? RetryAfter, string Problem)> SendAsync(Visitor visitor, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = JsonContent(body) };
        request.Headers.TryAddWithoutValidation("User-Agent", visitor.UserAgent);
        request.Headers.Add("X-Forwarded-For", visitor.Address.ToString());
        request.Headers.Add(countryHeader, visitor.Country);
        request.Headers.Add("Origin", "https://icesco.org");
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var latency = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (new PostOutcome(response.StatusCode, latency, 0, 0, 0, 0), response.Headers.RetryAfter?.Delta, text);
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var dropped = root.GetProperty("dropped").EnumerateObject().Sum(p => p.Value.GetInt32());
        return (new PostOutcome(response.StatusCode, latency, root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(),
            dropped, root.GetProperty("rejected").GetArrayLength()), null, "");
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
