using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>
/// Whether the service sits behind a reverse proxy whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> headers it should believe (configuration section
/// <c>ForwardedHeaders</c>). Off by default: believing them without a proxy in front would let
/// any client choose the address the Collector counts and locates.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Honour forwarded headers. Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Proxies whose headers are believed, each an IP address (<c>10.0.0.5</c>) or a network in
    /// CIDR form (<c>172.18.0.0/16</c>). Loopback is always believed, so a proxy on the same
    /// machine needs no entry.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _) && !IPNetwork.TryParse(proxy, out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(TrustedProxies)} holds '{proxy}', which is neither an IP address nor a CIDR network.",
                    [nameof(TrustedProxies)]);
            }
        }
    }
}
