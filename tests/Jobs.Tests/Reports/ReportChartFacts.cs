using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Reports.Charts;
using Icesco.Insights.Panels;
using ScottPlot;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>Charts are pure functions from a panel and rows to an image: checked on fixed data, in English and Arabic.</summary>
public sealed class ReportChartFacts
{
    private static readonly PanelCatalog Catalog = PanelCatalog.Load(Path.Combine(AppContext.BaseDirectory, "dashboards"));

    private static PanelData WeeklyViewsByTopic() => new(
        ["week", "topic", "views"],
        [.. Enumerable.Range(0, 8).SelectMany(w => new object?[][]
        {
            [new DateTime(2026, 1, 5).AddDays(7 * w), "education", (ulong)(100 + (w * 10))],
            [new DateTime(2026, 1, 5).AddDays(7 * w), "culture", (ulong)(300 - (w * 20))],
        })]);

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public void A_line_chart_of_eight_weeks_draws_a_non_trivial_image(string language)
    {
        var formatter = new CellFormatter(ReportLanguage.Find(language)!, ReportLabels.None);
        var plot = ReportChart.Build(Catalog.Panel("views-by-topic-8-weeks"), WeeklyViewsByTopic(), formatter);

        var png = plot.GetImageBytes(800, 400, ImageFormat.Png);
        var path = Path.Combine(AppContext.BaseDirectory, "test-output", $"views-by-topic-{language}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, png); // for people to look at

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(800, bitmap.Width);
        var pixels = bitmap.Pixels;
        var inked = pixels.Count(p => p.Red < 200 || p.Green < 200 || p.Blue < 200);
        var colours = pixels.Select(p => (uint)p).Distinct().Count();
        // Two coloured lines, axes, ticks and a legend: far more than a blank or single-colour canvas.
        Assert.InRange(inked, pixels.Length / 100, pixels.Length / 2);
        Assert.True(colours > 20, $"only {colours} colours in the chart");
    }

    [Fact]
    public void A_ranking_puts_the_first_row_at_the_top_with_its_name_as_the_tick()
    {
        var formatter = new CellFormatter(ReportLanguage.English, ReportLabels.None);
        var data = new PanelData(["member_state", "views", "unique_visitors", "csat"], [["MA", 900UL, 400UL, 0.8], ["EG", 500UL, 200UL, null]]);

        var plot = ReportChart.Build(Catalog.Panel("member-state-ranking"), data, formatter);
        plot.GetImageBytes(600, 300, ImageFormat.Png); // ticks are placed when the chart is laid out

        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).OrderByDescending(t => t.Position).Select(t => t.Label);
        Assert.Equal(["Morocco", "Egypt"], ticks);
    }

    [Fact]
    public void A_table_panel_is_not_a_chart()
    {
        var panel = Catalog.Panel("top-articles");
        var formatter = new CellFormatter(ReportLanguage.English, ReportLabels.None);

        Assert.Throws<ArgumentException>(() => ReportChart.Build(panel, PanelData.Empty(panel), formatter));
    }
}
