using Icesco.Insights.Panels;
using ScottPlot;

namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>
/// Draws a plotted panel (line, bar, barh) as a ScottPlot chart: a pure function of the panel, its rows
/// and the reader's language, used for the PDF (drawn as vectors) and the HTML (as an image).
/// </summary>
public static class ReportChart
{
    public static Plot Build(PanelDefinition panel, PanelData data, CellFormatter formatter)
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

        switch (chart.Kind)
        {
            case PanelChartKinds.Line:
                AddLines(plot, panel, data, formatter, xColumn, position);
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
        // No axis title: the section heading names the measure, and ScottPlot's rotated text would reverse Arabic in the PDF.
        // One face per chart (ScottPlot applies Font.Set to every label): Noto Sans Arabic shapes Arabic and has
        // digits, '.', ',', '-' and '٪' but no Latin letters, '/' or '%'; the labels below avoid those in Arabic.
        plot.Font.Set(formatter.Language.RightToLeft ? Text.ReportFonts.ArabicFamily : Text.ReportFonts.LatinFamily);
        (chart.Kind == PanelChartKinds.BarHorizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom).TickLabelStyle.FontSize = 10;
        return plot;
    }

    private static void AddLines(Plot plot, PanelDefinition panel, PanelData data, CellFormatter formatter, PanelColumn xColumn,
        Dictionary<string, double> position)
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
                    line.LegendText = group.Key;
                }
            }
        }
        if (seriesColumn is not null)
        {
            plot.ShowLegend(Edge.Bottom);
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

    /// <summary>A category's tick: short dates (8 weeks must fit), long names on two lines.</summary>
    private static string TickLabel(PanelData data, object?[] row, PanelColumn column, CellFormatter formatter)
    {
        if (column.Format == "date" && row[data.IndexOf(column.Name)] is DateTime date)
        {
            // Day and month, short enough for 8 weeks. Arabic: '.' (its face has no '/'), and digits rather than
            // month names, which ScottPlot did not always shape in tick labels (seen: مارس drawn unjoined).
            return date.ToString(formatter.Language.RightToLeft ? "d.M" : "d/M", System.Globalization.CultureInfo.InvariantCulture);
        }
        var label = formatter.Format(data, row, column);
        // Two lines only for left-to-right names: ScottPlot does not shape a second line of Arabic.
        var middle = label.Length > 14 && !Text.BidiRuns.HasRightToLeft(label) ? label.IndexOf(' ', label.Length / 3) : -1;
        return middle > 0 ? string.Concat(label.AsSpan(0, middle), "\n", label.AsSpan(middle + 1)) : label;
    }

    private static void FormatValueAxis(Plot plot, IAxis axis, string format, CellFormatter formatter)
    {
        var culture = formatter.Language.Culture;
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = format != "percent" ? v => v.ToString("N0", culture)
                : formatter.Language.RightToLeft ? v => (v * 100).ToString("N0", culture) + "\u066A" // Arabic percent sign: the face has no '%'
                : v => v.ToString("P0", culture),
        };
        if (format == "percent")
        {
            plot.Axes.SetLimitsY(0, 1.05);
        }
    }
}
