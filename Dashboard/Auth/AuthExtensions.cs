using Icesco.Insights.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>Cookie sign-in, local users, the first-run admin, OpenID Connect when configured, and the role policies.</summary>
public static class AuthExtensions
{
    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DashboardOptions>(DashboardOptions.SectionName);
        services.AddValidatedOptions<OpenIdConnectSettings>(OpenIdConnectSettings.SectionName);
        services.AddSingleton<UsersFile>();
        services.AddSingleton<DashboardUsers>();
        services.AddSingleton<CookieEvents>();
        services.AddHostedService<FirstRunAdmin>();

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "icesco-insights";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax; // Strict would drop the cookie on the OpenID Connect callback
                cookie.LoginPath = SignInPath;
                cookie.AccessDeniedPath = SignInPath; // never used: CookieEvents answers 403
                cookie.SlidingExpiration = true;
                cookie.EventsType = typeof(CookieEvents);
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<DashboardOptions>>((cookie, dashboard) => cookie.ExpireTimeSpan = dashboard.Value.SignInLifetime);

        // Read once here because the scheme must be registered (or not) before the host is built.
        var oidc = builder.Configuration.GetSection(OpenIdConnectSettings.SectionName).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(options => OpenIdConnectSetup.Configure(options, oidc));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicies.Staff, p => p.RequireRole(DashboardRoles.Staff, DashboardRoles.Manager, DashboardRoles.Admin))
            .AddPolicy(DashboardPolicies.Manager, p => p.RequireRole(DashboardRoles.Manager, DashboardRoles.Admin))
            .AddPolicy(DashboardPolicies.Admin, p => p.RequireRole(DashboardRoles.Admin))
            // Anything not marked otherwise is for staff: a page or endpoint added later is closed by default.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireRole(DashboardRoles.Staff, DashboardRoles.Manager, DashboardRoles.Admin).Build());

        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            // Both spellings, so the rule holds whether the page is Reports.cshtml or Reports/Index.cshtml.
            pages.Conventions.AuthorizePage("/Reports", DashboardPolicies.Manager);
            pages.Conventions.AuthorizeFolder("/Reports", DashboardPolicies.Manager);
            pages.Conventions.AuthorizePage("/Settings", DashboardPolicies.Admin);
            pages.Conventions.AuthorizeFolder("/Settings", DashboardPolicies.Admin);
        });
        return builder;
    }
}
