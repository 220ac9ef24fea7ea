using Icesco.Insights.Panels;
using ScottPlot;

namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>
/// Builds a plotted panel (line, bar, barh) as a ScottPlot chart without text: a pure function of the panel,
/// its rows and the reader's language. ScottPlot draws lines, bars, grid and ticks; its tick labels are
/// hidden and the legend is left out, because ScottPlot neither shapes Arabic nor keeps its letters in
/// order: <see cref="ChartPainter"/> draws every text with the report's own shaping.
/// </summary>
public static class ReportChart
{
    public static ChartFigure Build(PanelDefinition panel, PanelData data, CellFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(formatter);
        var chart = panel.Chart;
        if (!PanelChartKinds.Plotted.Contains(chart.Kind) || chart.X is null || chart.Y is not { Count: > 0 })
        {
            throw new ArgumentException($"Panel '{panel.Id}' is a {chart.Kind} panel; only line, bar and barh panels are charts.", nameof(panel));
        }

        var plot = new Plot();
        var xColumn = panel.Column(chart.X)!;
        var categories = data.Rows.Select(r => TickLabel(data, r, xColumn, formatter)).Distinct().ToList();
        var position = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (double)p.i);
        var yColumn = panel.Column(chart.Y[0])!;
        var legend = new List<LegendEntry>();

        switch (chart.Kind)
        {
            case PanelChartKinds.Line:
                AddLines(plot, panel, data, formatter, xColumn, position, legend);
                plot.Axes.Bottom.SetTicks([.. position.Values], [.. position.Keys]);
                break;
            case PanelChartKinds.Bar:
                plot.Add.Bars([.. data.Numbers(yColumn.Name).Select(v => v ?? 0)]);
                plot.Axes.Bottom.SetTicks([.. position.Values], [.. position.Keys]);
                plot.Axes.Margins(bottom: 0);
                break;
            default:
                // Rankings read from the top: the first row is drawn highest.
                var values = data.Numbers(yColumn.Name).Select(v => v ?? 0).Reverse().ToArray();
                var bars = plot.Add.Bars(values);
                bars.Horizontal = true;
                plot.Axes.Left.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. Enumerable.Reverse(categories)]);
                plot.Axes.Margins(left: 0);
                break;
        }

        FormatValueAxis(plot, chart.Kind == PanelChartKinds.BarHorizontal ? plot.Axes.Bottom : plot.Axes.Left, yColumn.Format, formatter);
        // No axis title: the section heading names the measure. Tick labels stay in the tick generators
        // (ChartPainter reads them) but ScottPlot does not draw them.
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.Axes.Left.TickLabelStyle.IsVisible = false;
        return new ChartFigure(plot, legend, formatter.Language.RightToLeft);
    }

    private static void AddLines(Plot plot, PanelDefinition panel, PanelData data, CellFormatter formatter, PanelColumn xColumn,
        Dictionary<string, double> position, List<LegendEntry> legend)
    {
        var chart = panel.Chart;
        var seriesColumn = panel.Column(chart.Series);
        var groups = data.Rows.GroupBy(r => seriesColumn is null ? "" : formatter.Format(data, r, seriesColumn));
        foreach (var group in groups)
        {
            foreach (var y in chart.Y!)
            {
                var yIndex = data.IndexOf(y);
                var points = group.Where(r => r[yIndex] is not null)
                    .Select(r => (X: position[TickLabel(data, r, xColumn, formatter)], Y: Convert.ToDouble(r[yIndex], System.Globalization.CultureInfo.InvariantCulture)))
                    .ToArray();
                if (points.Length == 0)
                {
                    continue;
                }
                if (chart.Low is not null && chart.High is not null && y == chart.Y[0])
                {
                    AddInterval(plot, data, group, xColumn, formatter, position, chart.Low, chart.High);
                }
                var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
                line.MarkerSize = 5;
                line.LineWidth = 2;
                if (seriesColumn is not null)
                {
                    legend.Add(new LegendEntry(group.Key, line.Color.ToSKColor()));
                }
            }
        }
    }

    private static void AddInterval(Plot plot, PanelData data, IEnumerable<object?[]> rows, PanelColumn xColumn, CellFormatter formatter,
        Dictionary<string, double> position, string low, string high)
    {
        var (lowIndex, highIndex) = (data.IndexOf(low), data.IndexOf(high));
        var band = rows.Where(r => r[lowIndex] is not null && r[highIndex] is not null)
            .Select(r => (X: position[TickLabel(data, r, xColumn, formatter)], Low: Convert.ToDouble(r[lowIndex], System.Globalization.CultureInfo.InvariantCulture),
                High: Convert.ToDouble(r[highIndex], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        if (band.Length > 1)
        {
            var fill = plot.Add.FillY(band.Select(b => b.X).ToArray(), band.Select(b => b.Low).ToArray(), band.Select(b => b.High).ToArray());
            fill.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
            fill.LineStyle.Width = 0;
        }
    }

    /// <summary>A category's tick: short dates, so 8 weeks fit (long names are wrapped where they are drawn).</summary>
    private static string TickLabel(PanelData data, object?[] row, PanelColumn column, CellFormatter formatter)
    {
        if (column.Format == "date" && row[data.IndexOf(column.Name)] is DateTime date)
        {
            // Day and month, short enough for 8 weeks; '.' in Arabic, where a date reads d.M at ICESCO.
            return date.ToString(formatter.Language.RightToLeft ? "d.M" : "d/M", System.Globalization.CultureInfo.InvariantCulture);
        }
        return formatter.Format(data, row, column);
    }

    private static void FormatValueAxis(Plot plot, IAxis axis, string format, CellFormatter formatter)
    {
        var culture = formatter.Language.Culture;
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = format != "percent" ? v => v.ToString("N0", culture)
                : formatter.Language.RightToLeft ? v => (v * 100).ToString("N0", culture) + "\u066A" // the Arabic percent sign
                : v => v.ToString("P0", culture),
        };
        if (format == "percent")
        {
            plot.Axes.SetLimitsY(0, 1.05);
        }
    }
}
