using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Http;

/// <summary>What a request's text is, as far as the endpoint must know to run it.</summary>
internal enum StatementKind
{
    /// <summary>More bytes are needed before the statement can be classified.</summary>
    Incomplete,

    /// <summary>Any statement run whole (SELECT, DDL, INSERT … SELECT, …).</summary>
    Query,

    /// <summary>An INSERT whose data follows the statement (FORMAT x, or VALUES).</summary>
    InsertWithData,
}

/// <summary>The outcome of <see cref="StatementScanner.Scan"/>.</summary>
internal readonly record struct ScannedStatement(
    StatementKind Kind,
    string? FirstKeyword = null,
    int StatementEnd = 0,
    string? Format = null,
    int DataStart = 0);

/// <summary>
/// A small lexer over the start of a request: enough SQL to find where an INSERT's data begins
/// (after <c>FORMAT name</c> and its newline, or at <c>VALUES</c>) and which output format a query names,
/// while skipping strings, quoted identifiers and comments that could contain those words.
/// </summary>
internal static class StatementScanner
{
    /// <param name="text">The request text read so far.</param>
    /// <param name="complete">True when <paramref name="text"/> is all there is.</param>
    public static ScannedStatement Scan(ReadOnlySpan<byte> text, bool complete)
    {
        var lexer = new SqlLexer(text, complete);
        if (!lexer.Next(out var first))
        {
            return lexer.NeedsMore ? new(StatementKind.Incomplete) : new(StatementKind.Query);
        }

        var keyword = first.Kind == TokenKind.Word ? Upper(text, first) : null;
        if (keyword != "INSERT")
        {
            return complete ? new(StatementKind.Query, keyword) : new(StatementKind.Incomplete, keyword);
        }

        var depth = 0;
        while (lexer.Next(out var token))
        {
            switch (token.Kind)
            {
                case TokenKind.Open:
                    depth++;
                    break;
                case TokenKind.Close:
                    depth--;
                    break;
                case TokenKind.Word when depth == 0:
                    var word = Upper(text, token);
                    if (word == "VALUES")
                    {
                        return new(StatementKind.InsertWithData, keyword, token.Start, "Values", token.End);
                    }

                    if (word is "SELECT" or "WITH")
                    {
                        return complete ? new(StatementKind.Query, keyword) : new(StatementKind.Incomplete, keyword);
                    }

                    if (word == "FORMAT")
                    {
                        return AfterFormat(text, complete, ref lexer, token.Start, keyword);
                    }

                    break;
            }
        }

        return lexer.NeedsMore || !complete ? new(StatementKind.Incomplete, keyword) : new(StatementKind.Query, keyword);
    }

    /// <summary>The output format a complete query names in a top-level FORMAT clause, if any.</summary>
    public static string? OutputFormat(ReadOnlySpan<byte> text)
    {
        var lexer = new SqlLexer(text, complete: true);
        var depth = 0;
        string? format = null;
        while (lexer.Next(out var token))
        {
            depth += token.Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            if (depth == 0 && token.Kind == TokenKind.Word && Upper(text, token) == "FORMAT"
                && lexer.Next(out var name) && name.Kind == TokenKind.Word)
            {
                format = Encoding.UTF8.GetString(text[name.Start..name.End]);
            }
        }

        return format;
    }

    private static ScannedStatement AfterFormat(ReadOnlySpan<byte> text, bool complete, ref SqlLexer lexer, int formatKeyword, string keyword)
    {
        if (!lexer.Next(out var name))
        {
            return lexer.NeedsMore ? new(StatementKind.Incomplete, keyword) : new(StatementKind.Query, keyword);
        }

        // ClickHouse starts the data after the first newline following the format name, or after the
        // whitespace when no newline comes first; binary data may itself begin with whitespace bytes.
        var position = name.End;
        while (position < text.Length && text[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            if (text[position++] == (byte)'\n')
            {
                return new(StatementKind.InsertWithData, keyword, formatKeyword, Encoding.UTF8.GetString(text[name.Start..name.End]), position);
            }
        }

        if (position == text.Length && !complete)
        {
            return new(StatementKind.Incomplete, keyword);
        }

        return new(StatementKind.InsertWithData, keyword, formatKeyword, Encoding.UTF8.GetString(text[name.Start..name.End]), position);
    }

    private static string Upper(ReadOnlySpan<byte> text, Token token)
        => Encoding.ASCII.GetString(text[token.Start..token.End]).ToUpperInvariant();
}
