using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Reports.Charts;
using Icesco.Insights.Panels;
using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;
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
        var figure = ReportChart.Build(Catalog.Panel("views-by-topic-8-weeks"), WeeklyViewsByTopic(), formatter);
        using var fonts = ReportFonts.Load();
        using var painter = new ShapedTextPainter(fonts);

        var png = ChartImage.Png(figure, painter);
        var path = Path.Combine(AppContext.BaseDirectory, "test-output", $"views-by-topic-{language}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, png); // for people to look at

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((int)(ChartImage.Width * 2), bitmap.Width);
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

        var plot = ReportChart.Build(Catalog.Panel("member-state-ranking"), data, formatter).Plot;
        plot.GetImageBytes(600, 300, ImageFormat.Png); // ticks are placed when the chart is laid out

        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).OrderByDescending(t => t.Position).Select(t => t.Label);
        Assert.Equal(["Morocco", "Egypt"], ticks);
    }

    [Fact]
    public void A_line_chart_by_topic_names_each_series_in_its_legend_and_hides_ScottPlot_s_own_labels()
    {
        var formatter = new CellFormatter(ReportLanguage.English, ReportLabels.None);

        var figure = ReportChart.Build(Catalog.Panel("views-by-topic-8-weeks"), WeeklyViewsByTopic(), formatter);

        Assert.Equal(["education", "culture"], figure.Legend.Select(e => e.Name));
        Assert.NotEqual(figure.Legend[0].Color, figure.Legend[1].Color);
        Assert.False(figure.Plot.Axes.Bottom.TickLabelStyle.IsVisible);
    }

    [Fact]
    public void A_legend_takes_as_many_columns_as_its_widest_entry_allows_and_a_row_for_the_rest()
    {
        var grid = ChartLegend.Arrange([60, 200, 90, 80, 70, 60, 50], width: 500, gap: 10);

        Assert.Equal(new LegendGrid(2, 4, 245), grid);
        Assert.Equal((1, 3), grid.Cell(7));
    }

    [Fact]
    public void A_legend_entry_wider_than_the_legend_gets_a_row_of_its_own()
    {
        Assert.Equal(new LegendGrid(1, 3, 100), ChartLegend.Arrange([300, 20, 20], width: 100, gap: 10));
    }

    [Fact]
    public void A_table_panel_is_not_a_chart()
    {
        var panel = Catalog.Panel("top-articles");
        var formatter = new CellFormatter(ReportLanguage.English, ReportLabels.None);

        Assert.Throws<ArgumentException>(() => ReportChart.Build(panel, PanelData.Empty(panel), formatter));
    }
}
