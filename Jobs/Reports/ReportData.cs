using Icesco.Insights.Panels;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>One section of the report: a panel marked for it in <c>dashboards/</c> and its rows for the week.</summary>
public sealed record ReportSection(PanelDefinition Panel, PanelData Data);

/// <summary>Everything a week's report shows, in no language yet: each renderer words it in one.</summary>
public sealed record ReportData(IsoWeek Week, DateTimeOffset GeneratedAt, IReadOnlyList<ReportSection> Sections, ReportLabels Labels)
{
    /// <summary>The report's heading lines in <paramref name="language"/>: title, the week and its dates, when it was made.</summary>
    public IReadOnlyList<string> Heading(ReportLanguage language)
    {
        var text = ReportText.For(language);
        var culture = language.Culture;
        return
        [
            text.Title,
            string.Format(culture, text.Week, Week, Week.Monday.ToString("d MMMM yyyy", culture), Week.Sunday.ToString("d MMMM yyyy", culture)),
            string.Format(culture, text.Generated, GeneratedAt.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", culture)),
        ];
    }
}
