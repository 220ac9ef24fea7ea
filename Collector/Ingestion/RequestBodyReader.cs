using System.Buffers;
using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>The outcome of reading an events body: its bytes, or the status and reason it was refused with.</summary>
public readonly record struct BodyRead(ReadOnlyMemory<byte> Body, int Status, string? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Reads an events request body: JSON or text/plain (what <c>sendBeacon</c> sends), optionally
/// gzip. Size is judged after decompression, and decompression stops one byte past the limit, so a
/// gzip bomb costs at most the limit in memory.
/// </summary>
public static class RequestBodyReader
{
    public static async Task<BodyRead> ReadAsync(HttpRequest request, IngestionOptions options, CancellationToken cancellationToken)
    {
        if (!CommonTypes.Contains(request.ContentType ?? "") && !IsJsonOrText(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Send the events as application/json or text/plain, in UTF-8.");
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; use gzip or none.");
        }

        var limit = options.MaxBatchBodyBytes;
        if (!gzip && request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit, (int?)request.ContentLength ?? 16 * 1024) + 1);
        try
        {
            await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
            while (true)
            {
                // Never ask for more than one byte past the limit: that byte is the proof it was exceeded.
                var room = limit + 1 - buffer.WrittenCount;
                var read = await source.ReadAsync(buffer.GetMemory(Math.Min(room, 16 * 1024))[..Math.Min(room, 16 * 1024)], cancellationToken);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return TooLarge(limit);
                }
            }
        }
        catch (InvalidDataException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid gzip.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        var body = buffer.WrittenMemory;
        if (FirstNonWhitespace(body.Span) == (byte)'{' && body.Length > options.MaxSingleBodyBytes)
        {
            return TooLarge(options.MaxSingleBodyBytes);
        }
        return new BodyRead(body, StatusCodes.Status200OK, null);
    }

    // What browsers' sendBeacon and fetch send, matched as strings before the full media-type parser.
    private static readonly FrozenSet<string> CommonTypes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "text/plain;charset=UTF-8", "text/plain; charset=utf-8", "text/plain", "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8");

    private static bool IsJsonOrText(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static BodyRead TooLarge(int limit) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit:N0} bytes (after decompression).");

    private static BodyRead Refuse(int status, string problem) => new(ReadOnlyMemory<byte>.Empty, status, problem);

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        var index = body.IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? (byte)0 : body[index];
    }
}
