using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Icesco.Insights.Jobs.Mail;

/// <summary>How the Jobs send mail; section <c>Smtp</c>. Without a <see cref="Host"/> mail is off. Validated at start.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    /// <summary>The SMTP server (relay) to hand mail to; empty turns mail off.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected; STARTTLS on the submission port by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account to authenticate as; none means the relay accepts this host without a login.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>ICESCO Insights &lt;insights@icesco.org&gt;</c>; required when <see cref="Host"/> is set.</summary>
    public string? From { get; set; }

    /// <summary>How long one SMTP operation (connect, a command, the transfer) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Smtp:Timeout must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether mail is on (a host is configured).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Smtp:From is required when Smtp:Host is set (the sender address of every mail).", [nameof(From)]);
        }
        else if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Smtp:From: '{From}' is not a mail address.", [nameof(From)]);
        }
        if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(User))
        {
            yield return new ValidationResult("Smtp:Password is set but Smtp:User is not; give both or neither.", [nameof(User)]);
        }
    }
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
