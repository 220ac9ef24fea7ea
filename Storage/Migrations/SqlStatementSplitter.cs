using System.Text;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// Splits a migration file into statements at each <c>;</c> that is outside a string literal,
/// a quoted identifier or a comment. The HTTP interface runs one statement per request, so the
/// migrator has to split; a naive split on ';' would cut <c>'a;b'</c> in two.
/// </summary>
internal static class SqlStatementSplitter
{
    public static IReadOnlyList<string> Split(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c is '\'' or '"' or '`')
            {
                var end = EndOfQuoted(sql, i, c);
                current.Append(sql, i, end - i);
                hasCode = true;
                i = end;
            }
            else if (c == '-' && next == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end; // comments are dropped: they are not sent to the server
            }
            else if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException($"Unterminated /* comment starting at offset {i}.");
                }
                i = end + 2;
            }
            else if (c == ';')
            {
                Flush(statements, current, ref hasCode);
                i++;
            }
            else
            {
                current.Append(c);
                hasCode |= !char.IsWhiteSpace(c);
                i++;
            }
        }
        Flush(statements, current, ref hasCode);
        return statements;
    }

    /// <summary>Index just past the closing quote; a doubled quote or a backslash escapes it.</summary>
    private static int EndOfQuoted(string sql, int start, char quote)
    {
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (sql[i] == '\\')
            {
                i++;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        throw new FormatException($"Unterminated {quote} quote starting at offset {start}.");
    }

    private static void Flush(List<string> statements, StringBuilder current, ref bool hasCode)
    {
        if (hasCode)
        {
            statements.Add(current.ToString().Trim());
        }
        current.Clear();
        hasCode = false;
    }
}
