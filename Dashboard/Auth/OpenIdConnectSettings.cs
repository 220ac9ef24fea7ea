using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>
/// Sign-in through the organisation's identity provider; section <c>Dashboard:OpenIdConnect</c>.
/// Off while <see cref="Authority"/> is empty; local users keep working beside it.
/// </summary>
public sealed class OpenIdConnectSettings : IValidatableObject
{
    public const string SectionName = "Dashboard:OpenIdConnect";

    /// <summary>The provider's issuer URL (its <c>/.well-known/openid-configuration</c> is read from there).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The claim of the ID token that carries the user's role(s).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Dashboard:OpenIdConnect:RoleClaim is required.")]
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// Provider role values to Dashboard roles, e.g. <c>"insights-editors": "staff"</c>; a value that is
    /// already <c>staff</c>, <c>manager</c> or <c>admin</c> needs no entry.
    /// </summary>
    public IDictionary<string, string> RoleValues { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "ICESCO account";

    public bool Enabled => Authority.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"{SectionName}:Authority must be an absolute http(s) URL (got '{Authority}').", [nameof(Authority)]);
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{SectionName}:ClientId is required when Authority is set.", [nameof(ClientId)]);
        }
        foreach (var (value, role) in RoleValues)
        {
            if (!DashboardRoles.IsKnown(role))
            {
                yield return new ValidationResult($"{SectionName}:RoleValues:{value} maps to '{role}', which is not one of {string.Join(", ", DashboardRoles.All)}.", [nameof(RoleValues)]);
            }
        }
    }

    /// <summary>The highest Dashboard role among the provider's values, or null.</summary>
    public string? RoleOf(IEnumerable<string> values)
    {
        var roles = values.Select(v => RoleValues.TryGetValue(v, out var mapped) ? mapped : v).Where(DashboardRoles.IsKnown);
        return roles.OrderByDescending(r => DashboardRoles.All.ToList().IndexOf(r)).FirstOrDefault();
    }
}
