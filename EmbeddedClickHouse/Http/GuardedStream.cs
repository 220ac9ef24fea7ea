using ZstdSharp;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// A read-only wrapper that turns the many ways a body can fail to decode (each codec throws its own
/// exception type) into one <see cref="RequestBodyException"/> with the matching ClickHouse code.
/// </summary>
internal sealed class GuardedStream(Stream inner, int code, string name) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        // K4os' LZ4 decoder reports a corrupt frame as an ArgumentOutOfRangeException (a block length past the
        // buffer) or a NotImplementedException (a frame asking for a predefined dictionary): found by fuzz/.
        catch (Exception e) when (e is InvalidDataException or ZstdException or InvalidOperationException or IOException or BadHttpRequestException
                                      or ArgumentException or NotImplementedException)
        {
            throw new RequestBodyException(ClickHouseError.Create(code, name, $"Cannot read the request body: {e.Message}"), e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
