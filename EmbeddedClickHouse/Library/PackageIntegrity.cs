using System.Security.Cryptography;

namespace Icesco.Insights.EmbeddedClickHouse.Library;

/// <summary>Checks a download against an npm integrity string (Subresource Integrity, <c>sha512-&lt;base64&gt;</c>).</summary>
internal static class PackageIntegrity
{
    private const string Prefix = "sha512-";

    /// <exception cref="InvalidDataException">The content does not match the pinned hash.</exception>
    public static async Task VerifyAsync(Stream content, string integrity, string what, CancellationToken cancellationToken)
    {
        if (!integrity.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only sha512 integrity strings are pinned, not '{integrity}'.", nameof(integrity));
        }

        var expected = integrity[Prefix.Length..];
        var actual = Convert.ToBase64String(await SHA512.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{what} failed its integrity check: expected {Prefix}{expected}, got {Prefix}{actual}. Nothing was installed.");
        }
    }
}
