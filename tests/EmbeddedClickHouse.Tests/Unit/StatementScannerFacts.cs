using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Http;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class StatementScannerFacts
{
    [Fact]
    public void An_insert_with_a_format_has_its_data_start_after_the_newline()
    {
        var text = Encoding.UTF8.GetBytes("INSERT INTO t (a, b) FORMAT RowBinary\n\u0001\u0002");

        var scan = StatementScanner.Scan(text, complete: false);

        Assert.Equal(StatementKind.InsertWithData, scan.Kind);
        Assert.Equal("RowBinary", scan.Format);
        Assert.Equal("INSERT INTO t (a, b) ", Encoding.UTF8.GetString(text[..scan.StatementEnd]));
        Assert.Equal(text.Length - 2, scan.DataStart);
    }

    [Fact]
    public void Data_that_begins_with_whitespace_bytes_is_kept_after_the_first_newline()
    {
        var text = Encoding.UTF8.GetBytes("INSERT INTO t FORMAT RowBinary\n \t\n");

        var scan = StatementScanner.Scan(text, complete: true);

        Assert.Equal(" \t\n", Encoding.UTF8.GetString(text[scan.DataStart..]));
    }

    [Theory]
    [InlineData("INSERT INTO t FORM")]
    [InlineData("INSERT INTO t FORMAT RowBin")]
    [InlineData("INSERT INTO t FORMAT RowBinary")]
    [InlineData("INSERT INTO t FORMAT RowBinary  ")]
    [InlineData("INSERT INTO t (a, 'FORMAT")]
    public void A_header_cut_short_asks_for_more(string text)
    {
        Assert.Equal(StatementKind.Incomplete, StatementScanner.Scan(Encoding.UTF8.GetBytes(text), complete: false).Kind);
    }

    [Theory]
    [InlineData("INSERT INTO `format` (`values`) FORMAT CSV\n1\n", "CSV")]
    [InlineData("INSERT INTO t /* FORMAT JSON */ -- VALUES\n FORMAT TSV\n1\n", "TSV")]
    [InlineData("insert into t format JSONEachRow {\"a\":1}", "JSONEachRow")]
    [InlineData("INSERT INTO t SETTINGS async_insert = 0 FORMAT Native\n", "Native")]
    [InlineData("INSERT INTO t VALUES (1, 'FORMAT x')", "Values")]
    public void Quoted_words_and_comments_do_not_end_the_statement(string text, string format)
    {
        var scan = StatementScanner.Scan(Encoding.UTF8.GetBytes(text), complete: true);

        Assert.Equal(StatementKind.InsertWithData, scan.Kind);
        Assert.Equal(format, scan.Format);
    }

    [Theory]
    [InlineData("INSERT INTO t SELECT number FROM numbers(10) FORMAT CSV")]
    [InlineData("INSERT INTO t (a) WITH 1 AS x SELECT x")]
    [InlineData("SELECT 'INSERT INTO t FORMAT CSV'")]
    [InlineData("CREATE TABLE t (a UInt8) ENGINE = Memory")]
    public void Statements_without_trailing_data_run_whole(string text)
    {
        Assert.Equal(StatementKind.Query, StatementScanner.Scan(Encoding.UTF8.GetBytes(text), complete: true).Kind);
    }

    [Theory]
    [InlineData("SELECT 1 FORMAT JSONEachRow", "JSONEachRow")]
    [InlineData("SELECT 'FORMAT CSV' AS x", null)]
    [InlineData("SELECT * FROM (SELECT 1 FORMAT TSV) FORMAT JSON", "JSON")]
    public void The_output_format_is_read_from_a_top_level_clause(string text, string? format)
    {
        Assert.Equal(format, StatementScanner.OutputFormat(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void The_first_keyword_is_known_so_session_changing_statements_can_be_isolated()
    {
        Assert.Equal("SET", StatementScanner.Scan("  -- note\n set max_threads = 1"u8, complete: true).FirstKeyword);
    }
}
