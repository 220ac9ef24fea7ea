using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Panels;

/// <summary>Where the panel definitions are; section <c>Panels</c>.</summary>
public sealed class PanelsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Panels";

    /// <summary>The folder holding <c>panels.schema.json</c> and the boards; by default the copy shipped beside the service.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "dashboards");
}
