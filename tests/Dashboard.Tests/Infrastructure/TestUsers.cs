using Icesco.Insights.Dashboard.Auth;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>One configured user per role, with known passwords (hashed the way an operator would).</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static readonly IReadOnlyList<(string Name, string Role)> All =
        [("sara", DashboardRoles.Staff), ("malik", DashboardRoles.Manager), ("amina", DashboardRoles.Admin)];

    private static readonly string Hash = DashboardUsers.Hash(Password);

    public static IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < All.Count; i++)
        {
            settings[$"Dashboard:Users:{i}:Name"] = All[i].Name;
            settings[$"Dashboard:Users:{i}:Role"] = All[i].Role;
            settings[$"Dashboard:Users:{i}:PasswordHash"] = Hash;
        }
        return settings;
    }

    public static string Of(string role) => All.First(u => u.Role == role).Name;
}
