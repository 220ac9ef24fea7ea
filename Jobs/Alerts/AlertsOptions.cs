using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>Settings of the alerts; section <c>Alerts</c>. Validated at start.</summary>
public sealed class AlertsOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>Who is e-mailed new alerts (when <c>Smtp:Host</c> is set); alerts are recorded either way.</summary>
    public IList<string> Recipients { get; set; } = [];

    /// <summary>
    /// At most one alert per subject (kind, dimension, value) within this span; also how long an alert that could
    /// not be e-mailed is retried, since after it a newer alert about the same subject may already exist.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "Alerts:QuietPeriod must be between 1 minute and 90 days.")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Recipients.Count; i++)
        {
            if (!MailboxAddress.TryParse(Recipients[i], out var address) || address.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
            {
                yield return new ValidationResult($"Alerts:Recipients:{i}: '{Recipients[i]}' is not a mail address.", [nameof(Recipients)]);
            }
        }
    }
}
