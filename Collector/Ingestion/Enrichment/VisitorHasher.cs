using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// The anonymous visitor id: HMAC-SHA256 keyed with the day's salt over (IP, user agent, site), its
/// first 8 bytes as a number. With the salt gone after two days, nobody can recover the IP from it
/// or link a visitor across days.
/// </summary>
public static class VisitorHasher
{
    // Larger inputs (a user agent can be up to the header limit) borrow from the pool instead of the stack.
    private const int StackLimit = 1024;

    public static ulong Hash(ReadOnlySpan<byte> dailySalt, ReadOnlySpan<char> ip, ReadOnlySpan<char> userAgent, ReadOnlySpan<char> site)
    {
        var length = Encoding.UTF8.GetMaxByteCount(ip.Length + userAgent.Length + site.Length + 2);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            // The same bytes as UTF-8 of "ip\nuserAgent\nsite", written in place.
            var written = Encoding.UTF8.GetBytes(ip, buffer);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(userAgent, buffer[written..]);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(site, buffer[written..]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(dailySalt, buffer[..written], mac);
            return BinaryPrimitives.ReadUInt64BigEndian(mac);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
