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
    public static ulong Hash(ReadOnlySpan<byte> dailySalt, string ip, string userAgent, string site)
    {
        var input = Encoding.UTF8.GetBytes($"{ip}\n{userAgent}\n{site}");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(dailySalt, input, mac);
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }
}
