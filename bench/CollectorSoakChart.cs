using ScottPlot;

namespace Icesco.Insights.Bench;

/// <summary>
/// The soak's curve as a PNG: resident memory of the Collector and the engine (MB, left axis) and the engine's
/// active parts over all the Collector's tables (right axis), one point per sample, the warm-up shaded.
/// Set in Noto Sans (fonts-noto-core, as the reports) so the labels render on a machine without the default face.
/// </summary>
internal static class CollectorSoakChart
{
    public static void Write(string path, IReadOnlyList<SoakSample> samples, double warmupMinutes, double minutes, double rate)
    {
        var plot = new Plot();
        plot.Font.Set("Noto Sans");
        var xs = samples.Select(s => s.Minute).ToArray();

        var span = plot.Add.HorizontalSpan(0, warmupMinutes);
        span.FillStyle.Color = Colors.Gray.WithAlpha(0.15);
        span.LineStyle.Width = 0;
        span.LegendText = "warm-up";

        var collector = plot.Add.Scatter(xs, samples.Select(s => s.CollectorRss / 1_000_000.0).ToArray());
        collector.LegendText = "Collector RSS (MB)";
        collector.LineWidth = 2;
        var engine = plot.Add.Scatter(xs, samples.Select(s => s.EngineRss / 1_000_000.0).ToArray());
        engine.LegendText = "engine RSS (MB)";
        engine.LineWidth = 2;
        var parts = plot.Add.Scatter(xs, samples.Select(s => (double)s.TotalParts).ToArray());
        parts.LegendText = "active parts, all tables (right)";
        parts.LineWidth = 2;
        parts.LinePattern = LinePattern.Dashed;
        parts.Axes.YAxis = plot.Axes.Right;

        plot.Title($"Collector soak: {minutes:G} min at {rate:N0} events/s into the embedded engine");
        plot.XLabel("minute");
        plot.Axes.Left.Label.Text = "resident memory (MB)";
        plot.Axes.Right.Label.Text = "active parts";
        plot.Axes.SetLimitsY(0, samples.Max(s => Math.Max(s.CollectorRss, s.EngineRss)) / 1_000_000.0 * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(10, samples.Max(s => s.TotalParts) * 1.3), plot.Axes.Right);
        plot.Axes.SetLimitsX(0, Math.Max(minutes, xs.DefaultIfEmpty(0).Max()));
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1200, 600);
    }
}
