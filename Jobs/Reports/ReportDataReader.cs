using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.Panels;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>Runs the report's panels (those marked <c>report</c> in <c>dashboards/</c>) for one week and gathers their names.</summary>
public sealed class ReportDataReader(
    PanelCatalog catalog,
    PanelQueryRunner runner,
    ReportLabelsQuery labels,
    IOptions<ReportsOptions> options,
    IOptions<TrendsOptions> trends,
    TimeProvider time)
{
    public async Task<ReportData> ReadAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var period = PanelPeriod.Week(week.Monday, trends.Value.ResolveTimeZone(), settings.RankingLimit);
        var sections = new List<ReportSection>();
        foreach (var panel in catalog.ReportPanels)
        {
            sections.Add(new ReportSection(panel, await runner.RunAsync(panel, period, cancellationToken).ConfigureAwait(false)));
        }
        var articleIds = sections
            .SelectMany(s => s.Panel.Columns.Where(c => c.Format == "article").SelectMany(c => s.Data.Rows.Select(r => r[s.Data.IndexOf(c.Name)] as string)))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return new ReportData(week, time.GetUtcNow(), sections, await labels.ReadAsync(articleIds, cancellationToken).ConfigureAwait(false));
    }
}
