using Icesco.Insights.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Icesco.Insights.Jobs.Mail;

/// <summary>Registers <see cref="MailSender"/> and its <see cref="SmtpOptions"/>; features that send mail call it.</summary>
public static class MailExtensions
{
    /// <summary>Adds the mail sender once, however many features ask for it (options validated at start).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MailSender)))
        {
            return services; // a second binding would validate, and report a bad setting, twice
        }
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MailSender>();
        return services;
    }
}
