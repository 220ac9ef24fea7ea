using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;
using Icesco.Insights.Panels;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>The report's pure layout functions on fixed data: weeks, bidirectional runs, line breaks, pages, cells.</summary>
public sealed class ReportLayoutFacts
{
    [Theory]
    [InlineData("2026-W10", 2026, 3, 2)]
    [InlineData("2026w1", 2025, 12, 29)]
    [InlineData("2020-W53", 2020, 12, 28)]
    public void An_ISO_week_is_parsed_and_starts_on_its_Monday(string text, int year, int month, int day)
    {
        Assert.True(IsoWeek.TryParse(text, out var week));
        Assert.Equal(new DateOnly(year, month, day), week.Monday);
        Assert.Equal(DayOfWeek.Sunday, week.Sunday.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("2026-10")]
    [InlineData("")]
    public void A_week_that_does_not_exist_is_refused(string text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Fact]
    public void On_a_Monday_the_last_complete_week_is_the_one_that_just_ended()
    {
        Assert.Equal("2026-W47", IsoWeek.LastCompleteBefore(new DateOnly(2026, 11, 23)).ToString());
        Assert.Equal("2026-W47", IsoWeek.LastCompleteBefore(new DateOnly(2026, 11, 29)).ToString());
    }

    [Fact]
    public void A_number_in_an_Arabic_line_stays_left_to_right_and_the_runs_read_from_the_right()
    {
        var runs = BidiRuns.Split("المشاهدات 1,234", rightToLeftParagraph: true);

        Assert.Equal([new TextRun("1,234", false), new TextRun("المشاهدات ", true)], runs);
    }

    [Fact]
    public void An_Arabic_name_in_an_English_line_is_its_own_right_to_left_run()
    {
        var runs = BidiRuns.Split("Topic: التربية (12)", rightToLeftParagraph: false);

        Assert.Equal([new TextRun("Topic: ", false), new TextRun("التربية", true), new TextRun(" (12)", false)], runs);
    }

    [Fact]
    public void A_signed_change_keeps_its_sign_and_percent_with_the_number()
    {
        var runs = BidiRuns.Split("التغير −12%", rightToLeftParagraph: true);

        Assert.Equal(new TextRun("−12%", false), runs[0]);
    }

    [Fact]
    public void Direction_marks_of_number_formats_are_dropped_rather_than_drawn_as_boxes()
    {
        var runs = BidiRuns.Split("76\u200E%\u200E", rightToLeftParagraph: true);

        Assert.Equal([new TextRun("76%", false)], runs);
    }

    [Fact]
    public void Lines_break_at_spaces_within_the_width_and_stop_with_an_ellipsis()
    {
        var lines = LineBreaker.Break("one two three four five", 9, s => s.Length, maxLines: 2);

        Assert.Equal(["one two", "three…"], lines);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut()
    {
        Assert.Equal(["abcd", "efgh", "ij"], LineBreaker.Break("abcdefghij", 4, s => s.Length));
    }

    [Fact]
    public void A_heading_moves_to_the_next_page_with_the_block_it_introduces()
    {
        BlockSize[] blocks = [new(300), new(200), new(20, KeepWithNext: true), new(250), new(100)];

        var pages = PageLayout.Paginate(blocks, 700);

        Assert.Equal([0, 0, 1, 1, 1], pages);
    }

    [Fact]
    public void A_block_taller_than_a_page_gets_a_page_of_its_own_rather_than_none()
    {
        Assert.Equal([0, 1, 2], PageLayout.Paginate([new(100), new(900), new(50)], 700));
    }

    [Fact]
    public void Cells_are_formatted_by_their_column_format_in_the_reader_s_language()
    {
        var labels = new ReportLabels(
            new Dictionary<string, LocalizedName> { ["education"] = new("التربية", "Education", "Éducation") },
            new Dictionary<string, LocalizedName>(),
            new Dictionary<string, LocalizedName> { ["a-1"] = new("", "A title", "") });
        var english = new CellFormatter(ReportLanguage.English, labels);
        var french = new CellFormatter(ReportLanguage.French, labels);
        var arabic = new CellFormatter(ReportLanguage.Arabic, labels);

        Assert.Equal("1,234", english.Format(1234UL, "integer"));
        Assert.Equal("1\u202F234", french.Format(1234UL, "integer"));
        Assert.Equal("+13%", english.Format(0.126, "change"));
        Assert.Equal("-5%", english.Format(-0.05, "change"));
        Assert.Equal("—", english.Format(null, "change"));
        Assert.Equal("75%", english.Format(0.75, "percent"));
        Assert.Equal("Éducation", french.Format("education", "topic"));
        Assert.Equal("التربية", arabic.Format("education", "topic"));
        Assert.Equal("Extremely satisfied", english.Format((byte)5, "rating"));
        Assert.Equal("المغرب", arabic.Subject("country", "MA"));
        Assert.Equal("Maroc", french.Format("MA", "member_state"));
        // An article without a French title falls back to the one it has.
        Assert.Equal("A title", french.Format("a-1", "article"));
        Assert.Equal("Pic", french.Format("spike", "anomaly"));
    }

    [Fact]
    public void Headline_cards_pair_each_figure_with_the_change_column_after_it()
    {
        var title = new LocalizedText("المشاهدات", "Views", "Vues");
        var panel = new PanelDefinition("h", title, null, new PanelQuery(null, "SELECT 1"), new PanelChart("figures", null, null, null, null, null),
            [new PanelColumn("views", "integer", title), new PanelColumn("views_change", "change", null), new PanelColumn("csat", "percent", title)], true, 1);
        var data = new PanelData(["views", "views_change", "csat"], [[300UL, 2.0, null]]);

        var cards = FiguresBlock.Cards(panel, data, new CellFormatter(ReportLanguage.English, ReportLabels.None));

        Assert.Equal([("Views", "300", (string?)"+200%"), ("Views", "—", null)], cards);
    }
}
