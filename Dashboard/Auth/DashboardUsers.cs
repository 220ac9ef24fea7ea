using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>The local users (configuration, then the users file) and password checks against their hashes.</summary>
public sealed class DashboardUsers(IOptionsMonitor<DashboardOptions> options, UsersFile file)
{
    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    // Checked against when the name is unknown, so that a wrong name costs as much time as a wrong
    // password and the answer's timing does not tell which names exist.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    /// <summary>Every local user; configuration wins over the file on the same name.</summary>
    public IReadOnlyList<DashboardUser> All()
    {
        var configured = options.CurrentValue.Users;
        var names = configured.Select(u => u.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. configured, .. file.Read().Where(u => !names.Contains(u.Name))];
    }

    public DashboardUser? Find(string name) =>
        All().FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user whose name and password these are, or null.</summary>
    public DashboardUser? Verify(string name, string password)
    {
        var user = Find(name);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>A hash for <paramref name="password"/> in the format the users list expects.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);
}
