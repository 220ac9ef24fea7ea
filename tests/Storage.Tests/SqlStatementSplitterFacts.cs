using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Storage.Tests;

public sealed class SqlStatementSplitterFacts
{
    [Fact]
    public void Statements_are_split_at_semicolons_and_trimmed()
    {
        var statements = SqlStatementSplitter.Split("CREATE TABLE a (x UInt8) ENGINE = Memory;\n\nSELECT 1 ;\n");
        Assert.Equal(["CREATE TABLE a (x UInt8) ENGINE = Memory", "SELECT 1"], statements);
    }

    [Fact]
    public void A_semicolon_inside_a_string_literal_does_not_split()
    {
        var statements = SqlStatementSplitter.Split("SELECT 'a;b', 'it''s;', 'back\\';slash';\nSELECT 2;");
        Assert.Equal(["SELECT 'a;b', 'it''s;', 'back\\';slash'", "SELECT 2"], statements);
    }

    [Fact]
    public void A_semicolon_inside_quoted_identifiers_does_not_split()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1 AS `a;b`, 2 AS \"c;d\";");
        Assert.Equal(["SELECT 1 AS `a;b`, 2 AS \"c;d\""], statements);
    }

    [Fact]
    public void Comments_are_dropped_with_the_semicolons_inside_them()
    {
        var statements = SqlStatementSplitter.Split("-- header; not a statement\nSELECT 1 /* a; b */ + 1;\n-- trailing;\n");
        Assert.Equal(["SELECT 1  + 1"], statements);
    }

    [Fact]
    public void A_last_statement_without_a_semicolon_is_kept()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], SqlStatementSplitter.Split("SELECT 1;\nSELECT 2"));
    }

    [Fact]
    public void An_unterminated_string_is_an_error()
    {
        Assert.Throws<FormatException>(() => SqlStatementSplitter.Split("SELECT 'oops;"));
    }

    [Fact]
    public void Every_shipped_migration_splits_into_statements_with_known_placeholders()
    {
        var values = new Dictionary<string, string> { ["database"] = "db", ["raw_event_ttl_days"] = "400", ["referrer_source"] = "'direct'", ["search_text"] = "comment", ["search_suffixes"] = "[comment]", ["rollup_time_zone"] = "Africa/Casablanca" };
        Assert.NotEmpty(SchemaMigrator.Migrations);
        foreach (var migration in SchemaMigrator.Migrations)
        {
            var statements = SqlStatementSplitter.Split(MigrationTemplate.Render(migration.Sql, values, migration.Name));
            Assert.NotEmpty(statements);
            Assert.All(statements, s => Assert.DoesNotContain("{database}", s, StringComparison.Ordinal));
        }
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version).Order(), SchemaMigrator.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void An_unknown_placeholder_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            MigrationTemplate.Render("SELECT {nope}", new Dictionary<string, string>(), "0009_x.sql"));
        Assert.Contains("0009_x.sql", error.Message, StringComparison.Ordinal);
    }
}
