using Icesco.Insights.Dashboard.Trends;

namespace Icesco.Insights.Dashboard.Tests.Api;

public sealed class TrendsCsvFacts
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+212", "'+212")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("MA", "MA")]
    [InlineData("a, b", "\"a, b\"")]
    public void A_text_cell_that_a_spreadsheet_would_run_is_prefixed_with_a_quote(string value, string cell) =>
        Assert.Equal(cell, TrendsCsv.Text(value));

    [Fact]
    public void A_negative_change_stays_a_number()
    {
        var row = new TrendRow("week", new DateOnly(2026, 3, 2), "topic", "culture", 10, 5, 0, null, null, null, null, -0.25, null, "none", true, DateTimeOffset.UnixEpoch);
        var line = TrendsCsv.Write([row]).Split("\r\n")[1];
        Assert.Equal("week,2026-03-02,topic,culture,10,5,0,,,,,-0.25,,none,true,false,1970-01-01T00:00:00.000Z", line);
    }
}
