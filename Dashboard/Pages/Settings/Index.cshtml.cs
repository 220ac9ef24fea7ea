using Icesco.Insights.Dashboard.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Pages.Settings;

/// <summary>
/// Admin only (convention in <see cref="AuthExtensions"/>): the local users, read-only — they are changed in
/// configuration or the users file, where changes are reviewed — and the link to the Jobs' Hangfire dashboard.
/// </summary>
public sealed class IndexModel(DashboardUsers users, IOptions<DashboardOptions> options, IOptions<OpenIdConnectSettings> oidc) : PageModel
{
    public IReadOnlyList<DashboardUser> Users { get; private set; } = [];

    public string JobsDashboardUrl => options.Value.JobsDashboardUrl;

    public OpenIdConnectSettings OpenIdConnect => oidc.Value;

    public void OnGet() => Users = users.All();
}
