using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Dashboard.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Pages.Account;

/// <summary>
/// The sign-in form (antiforgery checked by Razor Pages on every POST). A failed attempt shows the form
/// again with one message for a wrong name or a wrong password alike, and sets no cookie.
/// </summary>
public sealed partial class SignInModel(DashboardUsers users, IOptions<OpenIdConnectSettings> oidc, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    [Required]
    public string Name { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInLabels Labels { get; } = SignInLabels.Current;

    public OpenIdConnectSettings OpenIdConnect => oidc.Value;

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = ModelState.IsValid ? users.Verify(Name, Password) : null;
        if (user is null)
        {
            Failed = true;
            Password = "";
            SignInFailed(logger, Name);
            ModelState.AddModelError(string.Empty, Labels.Failed);
            return Page();
        }
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardPrincipal.Create(user.Name, user.Role, DashboardPrincipal.Local));
        SignedIn(logger, user.Name, user.Role);
        return LocalRedirect(SafeReturnUrl());
    }

    /// <summary>The identity provider's button: a challenge that comes back signed in with a Dashboard role.</summary>
    public IActionResult OnPostProvider() =>
        OpenIdConnect.Enabled
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OpenIdConnectDefaults.AuthenticationScheme)
            : NotFound();

    // Only paths of this site: an open redirect would let a phishing link borrow the Dashboard's address.
    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in failed for the name {Name}")]
    private static partial void SignInFailed(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} signed in to the Dashboard as {Role}")]
    private static partial void SignedIn(ILogger logger, string name, string role);
}
