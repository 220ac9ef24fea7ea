using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>The weekly report; section <c>Reports</c>. Validated at start.</summary>
public sealed class ReportsOptions : IValidatableObject
{
    public const string SectionName = "Reports";

    /// <summary>Where a copy of every rendered file is written (the originals are kept in ClickHouse for the Dashboard).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "reports";

    /// <summary>Languages rendered, each as PDF and HTML.</summary>
    public IList<string> Languages { get; set; } = ["ar", "en", "fr"];

    /// <summary>Who receives the report by e-mail (with SMTP configured); nobody by default.</summary>
    public IList<string> Recipients { get; set; } = [];

    /// <summary>Rows in the rankings (member states, top articles, anomalies).</summary>
    [Range(3, 50, ErrorMessage = "Reports:RankingLimit must be between 3 and 50.")]
    public int RankingLimit { get; set; } = 10;

    /// <summary>The zone whose Mondays begin the report's weeks; the same as the trends' (Trends:TimeZone) unless told.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Africa/Casablanca";

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var language in Languages.Where(l => ReportLanguage.Find(l) is null))
        {
            yield return new ValidationResult($"Reports:Languages: '{language}' is not a report language (ar, en, fr).", [nameof(Languages)]);
        }
        if (Languages.Count == 0)
        {
            yield return new ValidationResult("Reports:Languages: name at least one of ar, en, fr.", [nameof(Languages)]);
        }
        foreach (var recipient in Recipients.Where(r => !System.Net.Mail.MailAddress.TryCreate(r, out _)))
        {
            yield return new ValidationResult($"Reports:Recipients: '{recipient}' is not an e-mail address.", [nameof(Recipients)]);
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Reports:TimeZone: '{TimeZone}' is not a known time zone (use an IANA id such as Africa/Casablanca).", [nameof(TimeZone)]);
        }
    }
}
