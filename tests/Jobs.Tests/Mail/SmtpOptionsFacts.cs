using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Jobs.Mail;
using Icesco.Insights.Jobs.Tests.Hosting;

namespace Icesco.Insights.Jobs.Tests.Mail;

public sealed class SmtpOptionsFacts
{
    private static List<string> Errors(SmtpOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Without_a_host_mail_is_off_and_nothing_else_is_required()
    {
        var options = new SmtpOptions();

        Assert.False(options.IsConfigured);
        Assert.Empty(Errors(options));
        Assert.Equal(587, options.Port);
        Assert.Equal(SmtpSecurity.StartTls, options.Security);
    }

    [Fact]
    public void A_host_without_a_sender_is_rejected_naming_Smtp_From()
    {
        var error = Assert.Single(Errors(new SmtpOptions { Host = "smtp.icesco.test" }));
        Assert.Contains("Smtp:From", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_that_is_not_an_address_is_rejected_naming_Smtp_From()
    {
        var error = Assert.Single(Errors(new SmtpOptions { Host = "smtp.icesco.test", From = "not an address <" }));
        Assert.Contains("Smtp:From", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_without_a_user_is_rejected_naming_both_settings()
    {
        var error = Assert.Single(Errors(new SmtpOptions { Host = "smtp.icesco.test", From = "insights@icesco.test", Password = "secret" }));
        Assert.Contains("Smtp:User", error, StringComparison.Ordinal);
        Assert.Contains("Smtp:Password", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_or_timeout_out_of_range_is_rejected_with_the_setting_named()
    {
        var errors = Errors(new SmtpOptions { Port = 0, Timeout = TimeSpan.Zero });
        Assert.Contains(errors, e => e.Contains("Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Smtp:Timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Jobs_host_does_not_start_with_an_smtp_host_but_no_sender()
    {
        using var factory = new JobsHostFactory(new Dictionary<string, string?> { ["Smtp:Host"] = "smtp.icesco.test" });
        var error = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(error);
        Assert.Contains("Smtp:From", error.ToString(), StringComparison.Ordinal);
    }
}
