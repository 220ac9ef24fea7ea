using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// Pages redirect an anonymous visitor to sign-in; the API and the hub answer 401 instead (a script cannot
/// follow a redirect to a form), and anyone signed in without the role gets 403, never a redirect loop.
/// A local user removed from the list or given another role loses the old sign-in at the next request.
/// </summary>
internal sealed class CookieEvents(DashboardUsers users) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsMachineEndpoint(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        if (principal.FindFirst(DashboardClaims.Source)?.Value == DashboardPrincipal.Local)
        {
            var user = users.Find(principal.FindFirst(DashboardClaims.Name)?.Value ?? "");
            if (user is null || user.Role != principal.FindFirst(DashboardClaims.Role)?.Value)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
        }
        await base.ValidatePrincipal(context);
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
}
