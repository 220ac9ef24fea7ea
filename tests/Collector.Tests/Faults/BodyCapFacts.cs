using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// Every body cap to the byte, over the Collector's real Kestrel (a process of its own, so Kestrel's
/// <c>MaxRequestBodySize</c> acts too): exactly the cap is read and accepted, one byte more is 413 with a
/// ProblemDetails naming the cap — plain with a length, chunked (whose framing Kestrel counts), and gzip (judged after
/// decompression, whatever its size on the wire).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BodyCapFacts(EngineFixture engine) : IDisposable
{
    private static readonly IngestionOptions Defaults = new();
    private readonly DirectoryInfo log = Directory.CreateTempSubdirectory("icesco-caps-");

    private enum Sending
    {
        /// <summary>The JSON as is, with Content-Length.</summary>
        Plain,

        /// <summary>The JSON as is, chunked in 16 KiB pieces: no Content-Length to judge before reading.</summary>
        Chunked,

        /// <summary>Chunked in 256-byte pieces: the framing (Kestrel counts it) adds some 3 % on the wire.</summary>
        SmallChunks,

        /// <summary>Gzip, compressed well: the JSON's size (after decompression) is at the cap.</summary>
        Gzip,

        /// <summary>Gzip without compression: the wire is larger than the JSON by deflate's framing, the JSON at the cap.</summary>
        GzipStored,
    }

    private sealed record Case(string Cap, int Bytes, bool Batch, Sending Sending);

    private static readonly Case[] Cases =
    [
        new("single body", Defaults.MaxSingleBodyBytes, Batch: false, Sending.Plain),
        new("single body", Defaults.MaxSingleBodyBytes, Batch: false, Sending.Chunked),
        new("single body", Defaults.MaxSingleBodyBytes, Batch: false, Sending.Gzip),
        new("batch body", Defaults.MaxBatchBodyBytes, Batch: true, Sending.Plain),
        new("batch body", Defaults.MaxBatchBodyBytes, Batch: true, Sending.Chunked),
        new("batch body", Defaults.MaxBatchBodyBytes, Batch: true, Sending.SmallChunks),
        new("batch body", Defaults.MaxBatchBodyBytes, Batch: true, Sending.Gzip),
        new("batch body", Defaults.MaxBatchBodyBytes, Batch: true, Sending.GzipStored),
    ];

    [Fact]
    public async Task Each_body_cap_accepts_exactly_its_size_and_answers_413_naming_it_one_byte_over()
    {
        await using var collector = await CollectorProcess.StartAsync(engine.Server.ConnectionString, "b_" + Guid.NewGuid().ToString("N")[..12], log.FullName);
        using var http = new HttpClient { BaseAddress = collector.Endpoint, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(EventLoad.BrowserAgent);

        var tried = 0;
        foreach (var c in Cases)
        {
            using (var atCap = await http.SendAsync(Request(c, c.Bytes)))
            {
                tried++;
                Assert.True(atCap.StatusCode == HttpStatusCode.Accepted, $"{c} at exactly {c.Bytes:N0} bytes: {(int)atCap.StatusCode} {await atCap.Content.ReadAsStringAsync()}");
            }

            using var over = await http.SendAsync(Request(c, c.Bytes + 1));
            tried++;
            Assert.True(over.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{c} at {c.Bytes + 1:N0} bytes: {(int)over.StatusCode}");
            Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
            var problem = await over.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(c.Bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        new ReliabilityFigure(
            SlowlorisFacts.Area,
            "bodies of exactly each cap and one byte over: single 64 KiB and batch 1 MiB; plain, chunked (16 KiB and 256 B chunks), gzip compressed and stored",
            tried,
            $"{tried / 2} of {tried / 2} at the cap accepted, {tried / 2} of {tried / 2} one byte over answered 413 naming the cap",
            "").Record();
    }

    public void Dispose() => log.Delete(recursive: true);

    private static HttpRequestMessage Request(Case c, int size)
    {
        HttpContent content = c.Sending switch
        {
            Sending.Plain => new ByteArrayContent(Json(c.Batch, size)),
            Sending.Chunked => new ChunkedContent(Json(c.Batch, size), 16 * 1024),
            Sending.SmallChunks => new ChunkedContent(Json(c.Batch, size), 256),
            Sending.Gzip => Gzipped(Json(c.Batch, size), CompressionLevel.Optimal),
            Sending.GzipStored => Gzipped(Json(c.Batch, size), CompressionLevel.NoCompression),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");
        return new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = content };
    }

    /// <summary>Valid events padded with trailing whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Json(bool batch, int size)
    {
        var one = $$"""{"type":"pageview","event_id":"{{Guid.NewGuid()}}","url":"https://www.icesco.org/en/limits/","language":"en"}""";
        var json = Encoding.UTF8.GetBytes(batch ? "[" + one + "," + one.Replace("limits", "caps", StringComparison.Ordinal) + "]" : one);
        var body = new byte[size];
        json.CopyTo(body, 0);
        body.AsSpan(json.Length).Fill((byte)' ');
        return body;
    }

    private static ByteArrayContent Gzipped(byte[] json, CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    /// <summary>A body whose length is not told in advance, so HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent(byte[] body, int chunk) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += chunk)
            {
                // HttpClient frames each write of a chunked body as one chunk.
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
