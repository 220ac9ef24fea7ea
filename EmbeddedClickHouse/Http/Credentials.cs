using System.Security.Cryptography;
using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>
/// Checks a request's user and password the ways ClickHouse accepts them: HTTP Basic,
/// <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c>, or <c>user</c>/<c>password</c> URL parameters.
/// With no password configured the endpoint is open (it binds to loopback by default).
/// </summary>
internal static class Credentials
{
    public static ClickHouseError? Check(HttpRequest request, EmbeddedClickHouseOptions options)
    {
        if (string.IsNullOrEmpty(options.Password))
        {
            return null;
        }

        var (user, password) = Read(request);
        if (user is null && password is null)
        {
            return ClickHouseError.Create(ClickHouseError.RequiredPassword, "REQUIRED_PASSWORD", "Password required for user default");
        }

        var userMatches = string.Equals(user ?? "default", options.User, StringComparison.Ordinal);
        var passwordMatches = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(password ?? string.Empty), Encoding.UTF8.GetBytes(options.Password));
        return userMatches && passwordMatches
            ? null
            : ClickHouseError.Create(
                ClickHouseError.AuthenticationFailed,
                "AUTHENTICATION_FAILED",
                $"{user ?? "default"}: Authentication failed: password is incorrect, or there is no user with such name");
    }

    private static (string? User, string? Password) Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? (decoded, string.Empty) : (decoded[..colon], decoded[(colon + 1)..]);
            }
            catch (FormatException)
            {
                return (string.Empty, string.Empty);
            }
        }

        var headerUser = request.Headers["X-ClickHouse-User"].ToString();
        var headerKey = request.Headers["X-ClickHouse-Key"].ToString();
        if (headerUser.Length > 0 || headerKey.Length > 0)
        {
            return (headerUser.Length > 0 ? headerUser : null, headerKey);
        }

        var queryUser = request.Query["user"].ToString();
        var queryPassword = request.Query["password"].ToString();
        return queryUser.Length > 0 || queryPassword.Length > 0
            ? (queryUser.Length > 0 ? queryUser : null, queryPassword)
            : (null, null);
    }
}
