using Icesco.Insights.Jobs.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Icesco.Insights.Jobs.Tests.Mail;

public sealed class MailSenderFacts
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMail();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_mail_with_html_text_and_a_pdf_attachment_reaches_the_smtp_server_intact()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var services = Services(smtp.Settings());
        var sender = services.GetRequiredService<MailSender>();
        byte[] pdf = [.. "%PDF-1.7\n"u8, 0, 1, 2, 255, .. "\n%%EOF"u8];

        Assert.True(sender.IsConfigured);
        await sender.SendAsync(
            ["manager@icesco.test", "staff@icesco.test"],
            "Weekly report — التقرير الأسبوعي",
            "<p>See the <b>report</b>.</p>",
            "See the report.",
            [new MailAttachment("weekly-2026-W10.pdf", "application/pdf", pdf)],
            CancellationToken.None);

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("Weekly report — التقرير الأسبوعي", message.Subject);
        Assert.Equal("insights@icesco.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["manager@icesco.test", "staff@icesco.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("<b>report</b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("See the report.", message.TextBody?.Trim());
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("weekly-2026-W10.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        Assert.NotNull(attachment.Content);
        await attachment.Content.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task Without_a_host_mail_is_off_and_sending_throws_naming_Smtp_Host()
    {
        await using var services = Services([]);
        var sender = services.GetRequiredService<MailSender>();

        Assert.False(sender.IsConfigured);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sender.SendAsync(["staff@icesco.test"], "s", "<p>h</p>", "t", [], CancellationToken.None));
        Assert.Contains("Smtp:Host", error.Message, StringComparison.Ordinal);
    }
}
