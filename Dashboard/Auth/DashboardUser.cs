namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// A local Dashboard user: a name, one role, and a hash from ASP.NET Core Identity's
/// <c>PasswordHasher</c> (PBKDF2); the password itself is never stored.
/// </summary>
public sealed record DashboardUser(string Name, string Role, string PasswordHash);
