using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// The OpenID Connect scheme: authorization code flow, then the provider's identity is replaced by the
/// Dashboard's own principal (name, one role), so pages and policies never see provider-specific claims.
/// </summary>
internal static partial class OpenIdConnectSetup
{
    public static void Configure(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret.Length > 0 ? settings.ClientSecret : null;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.MapInboundClaims = false; // keep the provider's claim names, so RoleClaim means what the provider says
        options.SaveTokens = false; // the Dashboard calls no API on the user's behalf
        options.GetClaimsFromUserInfoEndpoint = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var role = settings.RoleOf(principal.FindAll(settings.RoleClaim).SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)));
            var name = principal.FindFirst("name")?.Value ?? principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("sub")?.Value ?? "?";
            if (role is null)
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSetup));
                NoRole(logger, name, settings.RoleClaim);
                context.Fail($"The account has no Dashboard role in its '{settings.RoleClaim}' claim.");
                return Task.CompletedTask;
            }
            context.Principal = DashboardPrincipal.Create(name, role, DashboardPrincipal.OpenIdConnect);
            return Task.CompletedTask;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect sign-in of {Name} refused: no staff, manager or admin role in the claim {RoleClaim}")]
    private static partial void NoRole(ILogger logger, string name, string roleClaim);
}
