using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.EmbeddedClickHouse.Http;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.Fuzz.Targets;

/// <summary>
/// Request bodies through their decoders. The first byte picks the reader: the embedded endpoint's
/// <c>Content-Encoding</c>s (identity, gzip, deflate, br, zstd, lz4), whose only documented failure is a
/// <see cref="RequestBodyException"/> with a ClickHouse error; or the Collector's <see cref="RequestBodyReader"/>
/// (gzip, identity), which answers every body with its bytes or a 400/413/415 and a reason.
/// </summary>
public static class DecompressionTarget
{
    /// <summary>The readers, by the first byte of an input (modulo their count).</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["identity", "gzip", "deflate", "br", "zstd", "lz4", "collector-gzip", "collector-identity"];

    // A decompression bomb is the readers' concern only in the Collector (which stops at its limit);
    // the endpoint streams inserts of any size, so a cap here keeps one input's time bounded.
    private const int MaxDecodedBytes = 4 * 1024 * 1024;
    private static readonly IngestionOptions CollectorOptions = new IngestionOptions().WithDefaults();

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var encoding = Encodings[input[0] % Encodings.Count];
        var body = input[1..].ToArray();
        if (encoding.StartsWith("collector-", StringComparison.Ordinal))
        {
            ReadAsCollector(encoding["collector-".Length..], body);
        }
        else
        {
            ReadAsEndpoint(encoding, body);
        }
    }

    private static void ReadAsEndpoint(string encoding, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Headers.ContentEncoding = encoding;
        context.Request.Body = new MemoryStream(body, writable: false);
        try
        {
            using var decoded = RequestBody.Open(context.Request);
            var buffer = new byte[64 * 1024];
            var total = 0;
            int read;
            // Read as the handler does (asynchronously; every read here completes synchronously).
            while (total < MaxDecodedBytes && (read = decoded.ReadAsync(buffer).AsTask().GetAwaiter().GetResult()) > 0)
            {
                total += read;
            }
        }
        catch (RequestBodyException e) when (e.Error.Message.Length > 0)
        {
            // The documented answer: the client is told the ClickHouse error.
        }
    }

    private static void ReadAsCollector(string encoding, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Headers.ContentEncoding = encoding;
        context.Request.Body = new MemoryStream(body, writable: false);
        var read = RequestBodyReader.ReadAsync(context.Request, CollectorOptions, CancellationToken.None).GetAwaiter().GetResult();
        if (!read.Ok && read.Status is not (StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType))
        {
            throw new ContractBrokenException($"The Collector refused a body with {read.Status}: {read.Problem}");
        }
        if (read.Ok && read.Body.Length > CollectorOptions.MaxBatchBodyBytes)
        {
            throw new ContractBrokenException($"The Collector read {read.Body.Length} bytes, past its {CollectorOptions.MaxBatchBodyBytes}.");
        }
    }
}
