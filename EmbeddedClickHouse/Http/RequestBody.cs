using System.IO.Compression;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// The request body decoded per <c>Content-Encoding</c> (the driver compresses inserts with zstd by
/// default; gzip, deflate, br and lz4 are selectable). Read failures — a corrupt frame, a body cut
/// short — surface as <see cref="RequestBodyException"/> carrying the ClickHouse error to answer with.
/// </summary>
internal static class RequestBody
{
    /// <exception cref="RequestBodyException">The encoding is not one ClickHouse accepts.</exception>
    public static Stream Open(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        var body = request.Body;
        return encoding switch
        {
            "" or "identity" or "none" => new GuardedStream(body, ClickHouseError.CannotReadAllData, "CANNOT_READ_ALL_DATA"),
            "gzip" or "x-gzip" => Guard(new GZipStream(body, CompressionMode.Decompress), ClickHouseError.ZlibInflateFailed, "ZLIB_INFLATE_FAILED"),
            "deflate" => Guard(new ZLibStream(body, CompressionMode.Decompress), ClickHouseError.ZlibInflateFailed, "ZLIB_INFLATE_FAILED"),
            "br" => Guard(new BrotliStream(body, CompressionMode.Decompress), ClickHouseError.BrotliReadFailed, "BROTLI_READ_FAILED"),
            "zstd" => Guard(new DecompressionStream(body), ClickHouseError.ZstdDecoderFailed, "ZSTD_DECODER_FAILED"),
            "lz4" => Guard(LZ4Stream.Decode(body), ClickHouseError.Lz4DecoderFailed, "LZ4_DECODER_FAILED"),
            _ => throw new RequestBodyException(ClickHouseError.Create(
                ClickHouseError.UnknownCompressionMethod,
                "UNKNOWN_COMPRESSION_METHOD",
                $"Unknown Content-Encoding '{encoding}'. Supported: gzip, deflate, br, zstd, lz4")),
        };
    }

    private static GuardedStream Guard(Stream decoder, int code, string name) => new(decoder, code, name);
}

/// <summary>A request body that could not be read; the error is what the client is told.</summary>
internal sealed class RequestBodyException(ClickHouseError error, Exception? inner = null) : Exception(error.Message, inner)
{
    public ClickHouseError Error { get; } = error;
}
