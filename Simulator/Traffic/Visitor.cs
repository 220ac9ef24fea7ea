using System.Net;

namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// A simulated browser: where it is (sent as the proxy's country header), its address (sent as
/// <c>X-Forwarded-For</c>, from the 198.18.0.0/15 benchmarking range), its user agent and the
/// language section it reads. The Collector's visitor hash is over (address, user agent, site).
/// </summary>
public sealed record Visitor(int Number, string Country, bool FromMemberState, string Language, string Device, string UserAgent)
{
    public IPAddress Address { get; } = new([198, (byte)(18 + ((Number >> 16) & 1)), (byte)(Number >> 8), (byte)Number]);
}
