using System.Buffers;
using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// The statement of one request and, for an INSERT with data, the first bytes of that data. Reads the
/// body only as far as needed: a query whole, an INSERT up to where its data begins.
/// </summary>
internal sealed class StatementReader(int maxQuerySize)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The text of a query, or the statement of an INSERT without its FORMAT clause.</summary>
    public sealed record Result(ScannedStatement Scan, byte[] Text, ReadOnlyMemory<byte> Leftover);

    /// <exception cref="RequestBodyException">The body could not be read, or the query is too large.</exception>
    public async Task<Result> ReadAsync(string? queryParameter, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        if (!string.IsNullOrEmpty(queryParameter))
        {
            // As ClickHouse does: the body continues the query in the URL, on a new line.
            buffer.Write(Encoding.UTF8.GetBytes(queryParameter));
            buffer.Write("\n"u8);
        }

        var complete = false;
        while (true)
        {
            var scan = StatementScanner.Scan(buffer.WrittenSpan, complete);
            if (scan.Kind == StatementKind.InsertWithData)
            {
                var written = buffer.WrittenMemory;
                return new(scan, written[..scan.StatementEnd].ToArray(), written[scan.DataStart..]);
            }

            if (complete)
            {
                return new(scan with { Kind = StatementKind.Query }, buffer.WrittenSpan.ToArray(), ReadOnlyMemory<byte>.Empty);
            }

            if (buffer.WrittenCount > maxQuerySize)
            {
                throw new RequestBodyException(ClickHouseError.Create(
                    ClickHouseError.QueryIsTooLarge, "QUERY_IS_TOO_LARGE", $"Query is too large ({buffer.WrittenCount} bytes read). max_query_size = {maxQuerySize}"));
            }

            var read = await body.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken).ConfigureAwait(false);
            buffer.Advance(read);
            complete = read == 0;
        }
    }
}
