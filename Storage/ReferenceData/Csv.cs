using System.Text;

namespace Icesco.Insights.Storage.ReferenceData;

/// <summary>
/// Minimal RFC 4180 reader for the shipped reference files: quoted fields may hold commas,
/// doubled quotes and line breaks (the source notes do).
/// </summary>
internal static class Csv
{
    /// <summary>Rows after the header, as dictionaries keyed by header name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRecords(string text)
    {
        var rows = Parse(text);
        if (rows.Count == 0)
        {
            return [];
        }
        var header = rows[0];
        return [.. rows.Skip(1).Select((row, index) => row.Length == header.Length
            ? (IReadOnlyDictionary<string, string>)header.Zip(row).ToDictionary(p => p.First, p => p.Second)
            : throw new FormatException($"CSV row {index + 2} has {row.Length} fields; the header has {header.Length}."))];
    }

    public static IReadOnlyList<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': EndRow(rows, fields, field); break;
                default: field.Append(c); break;
            }
        }
        if (quoted)
        {
            throw new FormatException("CSV ends inside a quoted field.");
        }
        EndRow(rows, fields, field);
        return rows;
    }

    private static void EndRow(List<string[]> rows, List<string> fields, StringBuilder field)
    {
        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        fields.Clear();
        field.Clear();
    }
}
