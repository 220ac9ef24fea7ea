using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Icesco.Insights.Jobs.Mail;

/// <summary>
/// Sends mail through the configured SMTP server (<see cref="SmtpOptions"/>), one connection per mail: the Jobs
/// send a handful a day, so a kept-open connection would only be one more thing to time out.
/// </summary>
public sealed partial class MailSender(IOptions<SmtpOptions> options, TimeProvider time, ILogger<MailSender> logger)
{
    /// <summary>Whether mail is on (<c>Smtp:Host</c> is set); callers skip sending when it is not.</summary>
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>
    /// Sends one mail with an HTML body, its plain-text alternative and any attachments. Throws when mail is off,
    /// and on any SMTP failure (so a job fails and is retried rather than losing the mail silently).
    /// </summary>
    public async Task SendAsync(
        IReadOnlyCollection<string> to,
        string subject,
        string htmlBody,
        string textBody,
        IReadOnlyCollection<MailAttachment> attachments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(attachments);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Mail is off: Smtp:Host is not set.");
        }
        if (to.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(to));
        }

        using var message = Compose(settings, to, subject, htmlBody, textBody, attachments);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, ToMailKit(settings.Security), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        Sent(logger, subject, to.Count, attachments.Count, settings.Host);
    }

    private MimeMessage Compose(
        SmtpOptions settings, IReadOnlyCollection<string> to, string subject, string htmlBody, string textBody, IReadOnlyCollection<MailAttachment> attachments)
    {
        var message = new MimeMessage { Subject = subject, Date = time.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(settings.From!)); // required (and parsed) at start whenever a host is set
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        var body = new BodyBuilder { HtmlBody = htmlBody, TextBody = textBody };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail '{Subject}' sent to {Recipients} recipient(s) with {Attachments} attachment(s) through {Host}")]
    private static partial void Sent(ILogger logger, string subject, int recipients, int attachments, string host);
}
