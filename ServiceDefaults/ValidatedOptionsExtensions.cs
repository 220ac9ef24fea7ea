using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.ServiceDefaults;

/// <summary>Typed settings the way every service declares them.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the configuration section
    /// <paramref name="sectionName"/>, checks its data annotations (and
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>), and does so when
    /// the host starts: a bad setting stops the service before it serves a request, with a
    /// message that names the setting, instead of failing on first use.
    /// </summary>
    /// <returns>The options builder, for further <c>Validate</c> or <c>PostConfigure</c> calls.</returns>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(
        this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);

        return services.AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
