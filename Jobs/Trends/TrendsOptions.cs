using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Jobs.Trends;

/// <summary>Settings of the trend computation; section <c>Trends</c>.</summary>
public sealed class TrendsOptions : IValidatableObject
{
    public const string SectionName = "Trends";

    /// <summary>IANA time zone whose days and ISO weeks the periods are; ICESCO's headquarters by default.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Africa/Casablanca";

    /// <summary>Rows with fewer ratings are marked as a small sample rather than ranked.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Trends:MinimumSample must be between 1 and 1000000.")]
    public int MinimumSample { get; set; } = 30;

    /// <summary>
    /// When the baseline is flat (MAD = 0), views must differ from the median by more than this to be
    /// an anomaly; otherwise one extra view over a constant history would be flagged.
    /// </summary>
    [Range(0, double.MaxValue, ErrorMessage = "Trends:AnomalyMinimumChange must not be negative.")]
    public double AnomalyMinimumChange { get; set; } = 10;

    /// <summary>The resolved <see cref="TimeZone"/>.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Trends:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}
