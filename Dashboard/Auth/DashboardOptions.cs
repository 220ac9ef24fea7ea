using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Dashboard.Auth;

/// <summary>Users, sign-in and links of the Dashboard; section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions : IValidatableObject
{
    public const string SectionName = "Dashboard";

    /// <summary>Where the Dashboard keeps its own files (the users file).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Dashboard:DataDirectory is required.")]
    public string DataDirectory { get; set; } = "./.data/dashboard";

    /// <summary>Users kept beside configuration (the first-run admin is written here); relative to <see cref="DataDirectory"/>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Dashboard:UsersFile is required.")]
    public string UsersFile { get; set; } = "dashboard-users.json";

    /// <summary>Users from configuration; on a name also in the users file, configuration wins.</summary>
    public IList<DashboardUser> Users { get; set; } = [];

    /// <summary>The Jobs' Hangfire dashboard, linked from the admin's settings page; empty hides the link.</summary>
    public string JobsDashboardUrl { get; set; } = "http://127.0.0.1:5082/hangfire";

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00", ErrorMessage = "Dashboard:SignInLifetime must be between 5 minutes and 30 days.")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The users file's full path.</summary>
    public string UsersFilePath => Path.GetFullPath(Path.Combine(DataDirectory, UsersFile));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Users.Count; i++)
        {
            foreach (var problem in UserRules.Check(Users[i]))
            {
                yield return new ValidationResult($"Dashboard:Users:{i}: {problem}", [nameof(Users)]);
            }
        }
        foreach (var name in Users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return new ValidationResult($"Dashboard:Users: the name '{name}' appears more than once.", [nameof(Users)]);
        }
        if (JobsDashboardUrl.Length > 0 && !Uri.TryCreate(JobsDashboardUrl, UriKind.RelativeOrAbsolute, out _))
        {
            yield return new ValidationResult($"Dashboard:JobsDashboardUrl '{JobsDashboardUrl}' is not a URL.", [nameof(JobsDashboardUrl)]);
        }
    }
}
