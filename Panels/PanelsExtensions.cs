using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Panels;

/// <summary>Registers the panel definitions, checked when the service starts.</summary>
public static class PanelsExtensions
{
    /// <summary>
    /// Adds <see cref="PanelCatalog"/> (from <c>Panels:Directory</c>) and <see cref="PanelQueryRunner"/>.
    /// A definition that breaks the schema or a rule stops the service at start with every problem listed.
    /// </summary>
    public static IServiceCollection AddPanels(this IServiceCollection services)
    {
        services.AddOptions<PanelsOptions>()
            .BindConfiguration(PanelsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PanelsOptions>, PanelsOptionsValidator>());
        services.TryAddSingleton(sp => PanelCatalog.Load(sp.GetRequiredService<IOptions<PanelsOptions>>().Value.Directory));
        services.TryAddSingleton<PanelQueryRunner>();
        return services;
    }

    private sealed class PanelsOptionsValidator : IValidateOptions<PanelsOptions>
    {
        public ValidateOptionsResult Validate(string? name, PanelsOptions options)
        {
            try
            {
                PanelCatalog.Load(options.Directory);
                return ValidateOptionsResult.Success;
            }
            catch (PanelDefinitionException e)
            {
                return ValidateOptionsResult.Fail(e.Problems.Select(p => $"Panels:Directory ({options.Directory}): {p}"));
            }
        }
    }
}
