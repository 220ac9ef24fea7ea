using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>
/// The calendar Explore reads periods in: the same <c>Trends</c> section as the Jobs, so that a day or week on the
/// Explore page is the day or week of the trends and the weekly report.
/// </summary>
public sealed class ExploreOptions : IValidatableObject
{
    public const string SectionName = "Trends";

    /// <summary>IANA time zone of days, weeks and months (ICESCO's headquarters by default).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Africa/Casablanca";

    /// <summary>Rows with fewer ratings carry the small-sample mark (the trends' rule).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Trends:MinimumSample must be between 1 and 1000000.")]
    public int MinimumSample { get; set; } = 30;

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Trends:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}
