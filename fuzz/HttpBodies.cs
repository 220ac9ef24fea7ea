using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Fuzz;

/// <summary>
/// Mutated event bodies against a running Collector (fuzz/http-bodies.sh starts it): byte flips, truncation,
/// splicing, inserted bytes, wrong content types and encodings, gzip and br garbage, all from the event corpus.
/// Counts answers by status (a 5xx or a dropped connection is a failure), samples the Collector's RSS from /proc
/// every <see cref="SampleEvery"/> bodies, and writes the reliability figure line.
/// </summary>
internal static class HttpBodies
{
    private const int SampleEvery = 10_000;
    private const int Concurrency = 8;
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "text/plain;charset=UTF-8", "text/plain", null, "application/xml",
        "text/plain; charset=iso-8859-1", "multipart/form-data; boundary=x", "application/json; charset=utf-16", ";;;", "text/",
    ];

    public static async Task<int> RunAsync(Uri url, int collectorPid, long count, string corpus)
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(corpus, "event-body")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var statuses = new long[600];
        long sent = 0, transportErrors = 0;
        var rss = new List<(long Bodies, long Kib)>();
        var gate = new Lock();
        var firstError = "";
        void Sample(long bodies)
        {
            var kib = RssKib(collectorPid);
            lock (gate)
            {
                rss.Add((bodies, kib));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bodies,9:N0} bodies  RSS {kib / 1024.0,6:F1} MiB  5xx {statuses[500..].Sum()}  transport errors {Interlocked.Read(ref transportErrors)}"));
        }

        Sample(0);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(14_000 + worker);
            while (true)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > count)
                {
                    return;
                }

                using var request = Mutate(url, seeds, random);
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    Interlocked.Increment(ref statuses[(int)response.StatusCode]);
                    if ((int)response.StatusCode >= 500)
                    {
                        firstError = firstError.Length == 0 ? $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}" : firstError;
                        await KeepAsync(corpus, n, (int)response.StatusCode, request);
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref transportErrors);
                    firstError = firstError.Length == 0 ? e.Message : firstError;
                }

                if (n % SampleEvery == 0)
                {
                    Sample(n);
                }
            }
        })));
        clock.Stop();
        if (count % SampleEvery != 0)
        {
            Sample(count);
        }

        var fiveXx = statuses[500..].Sum();
        var byStatus = string.Join(", ", Enumerable.Range(0, statuses.Length).Where(s => statuses[s] > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{statuses[s]:N0} × {s}")));
        var ordered = rss.OrderBy(r => r.Bodies).ToList();
        var warm = ordered.FirstOrDefault(r => r.Bodies >= Math.Min(100_000, count / 10));
        var rssText = string.Create(CultureInfo.InvariantCulture,
            $"RSS {Mib(ordered[0].Kib)} at start, {Mib(warm.Kib)} after {warm.Bodies:N0}, {Mib(ordered[^1].Kib)} at the end, max {Mib(ordered.Max(r => r.Kib))}");
        Console.WriteLine($"RESULT {count:N0} bodies in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:F0}/s): {byStatus}; {transportErrors} transport errors");
        Console.WriteLine($"RESULT {rssText}");
        if (firstError.Length > 0)
        {
            Console.WriteLine($"first failure: {firstError}");
        }

        var figure = new ReliabilityFigure(
            "Fuzzing",
            string.Create(CultureInfo.InvariantCulture, $"mutated HTTP bodies against a running Collector (flips, cuts, splices, wrong types, gzip/br garbage), {clock.Elapsed.TotalMinutes:F1} min"),
            count,
            string.Create(CultureInfo.InvariantCulture, $"{fiveXx} × 5xx, {transportErrors} dropped connections ({byStatus})"),
            rssText);
        Console.WriteLine($"FIGURE {JsonSerializer.Serialize(figure)}");
        figure.Record();
        return fiveXx == 0 && transportErrors == 0 ? 0 : 1;
    }

    private static HttpRequestMessage Mutate(Uri url, byte[][] seeds, Random random)
    {
        var body = seeds[random.Next(seeds.Length)];
        var contentType = "application/json";
        string? encoding = null;
        // Mostly one mutation, sometimes a few stacked, sometimes the seed as it is (a valid event, kept).
        var mutations = random.Next(10) == 0 ? 0 : 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            body = random.Next(9) switch
            {
                0 or 1 => Flip(body, random),
                2 => body[..random.Next(body.Length + 1)],
                3 => [.. body[..random.Next(body.Length + 1)], .. Pick(seeds, random) is var other ? other[random.Next(other.Length + 1)..] : []],
                4 => Insert(body, random),
                5 => Interesting(body, random),
                6 => [.. body, .. body],
                7 when random.Next(50) == 0 => [.. Enumerable.Repeat(body, 1 + (70 * 1024 / Math.Max(1, body.Length)))
                    .SelectMany(b => b)], // past the 64 KB of one event (or the 1 MB of a batch, when doubled again)
                _ => body,
            };
        }

        switch (random.Next(12))
        {
            case 0:
                contentType = ContentTypes[random.Next(ContentTypes.Length)]!;
                break;
            case 1:
                encoding = "gzip";
                body = Gzip(body);
                break;
            case 2:
                encoding = "gzip";
                body = Flip(Gzip(body), random); // a corrupt stream or a wrong checksum
                break;
            case 3:
                encoding = "gzip";
                body = [0x1f, 0x8b, 8, 0, .. RandomBytes(random, random.Next(64))]; // a gzip header over garbage
                break;
            case 4:
                encoding = random.Next(2) == 0 ? "br" : "deflate"; // not accepted by the Collector
                body = RandomBytes(random, random.Next(256));
                break;
            case 5:
                encoding = "gzip";
                var gz = Gzip(body);
                body = gz[..random.Next(gz.Length)];
                break;
            case 6:
                encoding = random.Next(2) == 0 ? "gzip, gzip" : "GZIP";
                body = Gzip(body);
                break;
            default:
                break;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.UserAgent.ParseAdd(Chrome);
        request.Content.Headers.Remove("Content-Type");
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (encoding is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        }
        return request;
    }

    /// <summary>A body answered 5xx, kept under fuzz/crashes/http-bodies/ with its headers in the file name, to replay and fix.</summary>
    private static async Task KeepAsync(string corpus, long n, int status, HttpRequestMessage request)
    {
        var directory = Path.Combine(corpus, "..", "crashes", "http-bodies");
        Directory.CreateDirectory(directory);
        var headers = string.Join("_", request.Content!.Headers.Select(h => $"{h.Key}={string.Join(",", h.Value)}"));
        var name = string.Create(CultureInfo.InvariantCulture, $"{status}-{n}-{string.Concat(headers.Select(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '-' or '_' ? c : '.'))}");
        await File.WriteAllBytesAsync(Path.Combine(directory, name[..Math.Min(name.Length, 120)]), await request.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Pick(byte[][] seeds, Random random) => seeds[random.Next(seeds.Length)];

    private static byte[] Flip(byte[] body, Random random)
    {
        if (body.Length == 0)
        {
            return body;
        }
        var copy = (byte[])body.Clone();
        for (var i = 1 + random.Next(4); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }
        return copy;
    }

    private static byte[] Insert(byte[] body, Random random)
    {
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. RandomBytes(random, 1 + random.Next(16)), .. body[at..]];
    }

    /// <summary>A JSON-ish token that parsers and validators trip over, at a random place.</summary>
    private static byte[] Interesting(byte[] body, Random random)
    {
        byte[][] tokens =
        [
            "\"\\ud800\""u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "99999999999999999999"u8.ToArray(), "null"u8.ToArray(),
            "[[[[[[[[[[[[[[[[[[[["u8.ToArray(), "\"javascript:alert(1)\""u8.ToArray(), [0xC0, 0x80], [0xEF, 0xBB, 0xBF], "\u0000"u8.ToArray(),
            "{\"type\":\"feedback\",\"rating\":1.5}"u8.ToArray(), "\"http://[::1\""u8.ToArray(),
        ];
        var at = random.Next(body.Length + 1);
        return [.. body[..at], .. tokens[random.Next(tokens.Length)], .. body[at..]];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] body)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return memory.ToArray();
    }

    private static long RssKib(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:F0} MiB");
}
