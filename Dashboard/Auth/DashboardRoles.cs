namespace Icesco.Insights.Dashboard.Auth;

/// <summary>The three roles of docs/decisions/0015, carried as the <c>role</c> claim.</summary>
public static class DashboardRoles
{
    public const string Staff = "staff";
    public const string Manager = "manager";
    public const string Admin = "admin";

    /// <summary>Lowest to highest: each role can do everything the ones before it can.</summary>
    public static readonly IReadOnlyList<string> All = [Staff, Manager, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policies by the lowest role they admit.</summary>
public static class DashboardPolicies
{
    /// <summary>Live and trends: any of the three roles.</summary>
    public const string Staff = "Staff";

    /// <summary>Reports: manager or admin.</summary>
    public const string Manager = "Manager";

    /// <summary>Settings and the Jobs link: admin only.</summary>
    public const string Admin = "Admin";
}

/// <summary>Claim types of a Dashboard sign-in, whichever way the user signed in.</summary>
public static class DashboardClaims
{
    public const string Name = "name";
    public const string Role = "role";

    /// <summary><c>local</c> (a user of configuration or the users file) or <c>oidc</c>.</summary>
    public const string Source = "source";
}
