using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>Quoting for the few statements the endpoint writes itself (USE, SET).</summary>
internal static class SqlText
{
    public static string QuoteIdentifier(string name)
        => "`" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    public static string QuoteString(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => quoted.Append("\\\\"),
                '\'' => quoted.Append("\\'"),
                '\0' => quoted.Append("\\0"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('\'').ToString();
    }
}
