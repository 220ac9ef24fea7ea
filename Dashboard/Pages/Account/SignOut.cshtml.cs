using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Icesco.Insights.Dashboard.Pages.Account;

/// <summary>
/// Sign-out is a POST with an antiforgery token, never a GET: a link or an image on another site must not
/// be able to sign a staff member out. GET shows the confirmation form.
/// </summary>
public sealed class SignOutModel : PageModel
{
    public SignInLabels Labels { get; } = SignInLabels.Current;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(Auth.AuthExtensions.SignInPath);
    }
}
