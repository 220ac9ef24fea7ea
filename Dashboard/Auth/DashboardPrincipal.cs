using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>The signed-in principal, the same shape for local and OpenID Connect users: a name, one role, a source.</summary>
public static class DashboardPrincipal
{
    public const string Local = "local";
    public const string OpenIdConnect = "oidc";

    public static ClaimsPrincipal Create(string name, string role, string source) =>
        new(new ClaimsIdentity(
            [new Claim(DashboardClaims.Name, name), new Claim(DashboardClaims.Role, role), new Claim(DashboardClaims.Source, source)],
            CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.Name,
            DashboardClaims.Role));
}
