using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>
/// Lets only a configured admin into the Hangfire dashboard, by HTTP Basic credentials whose password's
/// SHA-256 is configured; compared in constant time. Anyone else gets 401 with a Basic challenge.
/// Where the request comes from never counts (a same-host proxy makes every request look local).
/// </summary>
public sealed class DashboardAdminFilter(IReadOnlyList<DashboardAdmin> admins) : IDashboardAsyncAuthorizationFilter
{
    public const string Challenge = "Basic realm=\"Icesco.Insights Jobs\"";

    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (IsAdmin(http.Request.Headers.Authorization.ToString(), admins))
        {
            return Task.FromResult(true);
        }
        http.Response.Headers.WWWAuthenticate = Challenge;
        return Task.FromResult(false);
    }

    /// <summary>Whether an <c>Authorization</c> header carries Basic credentials of one of the admins.</summary>
    public static bool IsAdmin(string authorization, IEnumerable<DashboardAdmin> admins)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        var name = decoded[..colon];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..]));

        var found = false;
        foreach (var admin in admins)
        {
            // Every admin is compared (no early exit) so timing says nothing about which one nearly matched.
            var passwordMatches = CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(admin.Sha256));
            found |= passwordMatches && string.Equals(admin.Name, name, StringComparison.Ordinal);
        }
        return found;
    }
}
