namespace Icesco.Insights.Dashboard.Auth;

/// <summary>What makes a local user valid, wherever it is declared (configuration or the users file).</summary>
internal static class UserRules
{
    public static IEnumerable<string> Check(DashboardUser user)
    {
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            yield return "Name is required.";
        }
        if (!DashboardRoles.IsKnown(user.Role))
        {
            yield return $"Role '{user.Role}' must be one of {string.Join(", ", DashboardRoles.All)}.";
        }
        if (!LooksLikeIdentityHash(user.PasswordHash))
        {
            // Catches the likely mistake of pasting a plain password where the hash belongs.
            yield return "PasswordHash must be a hash from ASP.NET Core Identity's PasswordHasher (base64, format v3), never a plain password.";
        }
    }

    private static bool LooksLikeIdentityHash(string? hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }
}
