using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>
/// The weekly report; section <c>Reports</c>. Validated at start. Its weeks are the trends' ISO weeks, in
/// <c>Trends:TimeZone</c>: a report week in another zone would not match the trend rows it reads.
/// </summary>
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
    }
}
