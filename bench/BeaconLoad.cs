using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Icesco.Insights.Bench;

/// <summary>
/// Single-event POSTs to the Collector's <c>/api/v1/events</c>, as the site's <c>sendBeacon</c> sends them, paced
/// by a token bucket at a steady rate over a few kept-alive connections: page views of articles in the three
/// languages, one in twenty a feedback rating. Each event's id is this run's prefix plus a sequence number, so the
/// accepted set is a bitmap (a few hundred KB for an hour) and a stored id maps back to its sequence.
/// </summary>
internal sealed class BeaconLoad
{
    private const int Senders = 24;
    private static readonly string[] Languages = ["ar", "en", "fr"];
    private static readonly string[] Referrers = ["https://www.google.com/", "https://www.facebook.com/", "https://t.co/x", "https://www.icesco.org/en/"];
    private static readonly string[] Comments = ["Very useful, thank you.", "شكرا على هذا المقال", "Article intéressant.", "Please add more figures."];

    private readonly Uri events;
    private readonly double rate;
    private readonly long[] accepted;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private long sent;
    private long acceptedCount;
    private long failed;

    public BeaconLoad(Uri collector, double rate, long capacity)
    {
        events = new Uri(collector, "api/v1/events");
        this.rate = rate;
        Capacity = capacity;
        accepted = new long[(capacity / 64) + 1];
        var random = Guid.NewGuid().ToString("N");
        prefix = $"{random[..8]}-{random[8..12]}-4{random[12..15]}-8{random[15..18]}-";
    }

    public long Capacity { get; }

    public long Sent => Interlocked.Read(ref sent);

    public long Accepted => Interlocked.Read(ref acceptedCount);

    public long Failed => Interlocked.Read(ref failed);

    /// <summary>A few of the failures, e.g. " (503 ×12)", or empty.</summary>
    public string FailureSample => failures.IsEmpty ? string.Empty : " (" + string.Join(", ", failures.OrderByDescending(f => f.Value).Take(3).Select(f => $"{f.Key} ×{f.Value}")) + ")";

    public bool WasAccepted(long sequence) => sequence < Capacity && (Volatile.Read(ref accepted[sequence / 64]) & (1L << (int)(sequence % 64))) != 0;

    /// <summary>The sequence number of an id this load made (lower-case canonical form, as ClickHouse prints it).</summary>
    public bool TrySequence(string id, out long sequence)
    {
        sequence = -1;
        return id.Length == 36 && id.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(24), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>Sends for <paramref name="duration"/>; returns the time it took, requests in flight included.</summary>
    public async Task<TimeSpan> RunAsync(TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Senders, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        using var tokens = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendAsync(http, tokens, stop.Token))).ToList();

        // The bucket: tokens for every event due by now, so a late tick releases the events it missed.
        long released = 0;
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5)))
        {
            while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
            {
                var due = (long)(Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds) * rate);
                if (due > released)
                {
                    tokens.Release((int)(due - released));
                    released = due;
                }
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(senders);
        return clock.Elapsed;
    }

    private async Task SendAsync(HttpClient http, SemaphoreSlim tokens, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await tokens.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var sequence = Interlocked.Increment(ref sent) - 1;
            if (sequence >= Capacity)
            {
                Fail("over capacity");
                continue;
            }

            await PostAsync(http, sequence);
        }
    }

    private async Task PostAsync(HttpClient http, long sequence)
    {
        try
        {
            // One event per request, as sendBeacon sends it (a Blob of application/json).
            using var content = new StringContent(Body(sequence), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(events, content, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Fail(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                return;
            }

            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("accepted").GetInt32() != 1)
            {
                Fail("202 without the event accepted: " + body);
                return;
            }

            Interlocked.Or(ref accepted[sequence / 64], 1L << (int)(sequence % 64));
            Interlocked.Increment(ref acceptedCount);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            // No 202: nothing was promised; counted as failed, not lost.
            Fail(e.GetType().Name);
        }
    }

    private void Fail(string reason)
    {
        Interlocked.Increment(ref failed);
        failures.AddOrUpdate(reason.Length > 120 ? reason[..120] : reason, 1, (_, n) => n + 1);
    }

    /// <summary>The event of <paramref name="sequence"/>: the same mix every run, spread over 300 articles.</summary>
    private string Body(long sequence)
    {
        var id = prefix + sequence.ToString("x12", CultureInfo.InvariantCulture);
        var pick = (int)((sequence * 2654435761L) & 0x7fffffff);
        var language = Languages[pick % 3];
        var article = (pick / 3) % 300;
        var url = $"https://www.icesco.org/{language}/2026/{1 + (article % 12):D2}/{1 + (article % 28):D2}/article-{article}/";
        var output = new StringBuilder(256);
        using (var writer = new Utf8JsonWriterScope(output))
        {
            var json = writer.Writer;
            json.WriteStartObject();
            if (sequence % 20 == 7)
            {
                json.WriteString("type", "feedback");
                json.WriteString("event_id", id);
                json.WriteString("url", url);
                json.WriteString("article_id", article.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("rating", 1 + (pick % 5));
                if (pick % 4 == 0)
                {
                    json.WriteString("comment", Comments[pick / 4 % Comments.Length]);
                }
            }
            else
            {
                json.WriteString("type", "pageview");
                json.WriteString("event_id", id);
                json.WriteString("url", url);
                json.WriteString("language", language);
                if (pick % 10 < 7)
                {
                    json.WriteString("article_id", article.ToString(CultureInfo.InvariantCulture));
                }

                if (pick % 3 == 0)
                {
                    json.WriteString("referrer", Referrers[pick / 3 % Referrers.Length]);
                }
            }

            json.WriteEndObject();
        }

        return output.ToString();
    }

    /// <summary>A JSON writer into a string builder (the bodies are small: no pooling needed).</summary>
    private sealed class Utf8JsonWriterScope : IDisposable
    {
        private readonly MemoryStream stream = new();
        private readonly StringBuilder target;

        public Utf8JsonWriterScope(StringBuilder target)
        {
            this.target = target;
            Writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public Utf8JsonWriter Writer { get; }

        public void Dispose()
        {
            Writer.Flush();
            target.Append(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
            Writer.Dispose();
            stream.Dispose();
        }
    }
}
