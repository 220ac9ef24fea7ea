namespace Icesco.Insights.Panels;

/// <summary>A panel's result: column names as the query returned them and the rows (null for SQL NULL).</summary>
public sealed record PanelData(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>An empty result with the panel's columns (a week without data).</summary>
    public static PanelData Empty(PanelDefinition panel) => new([.. panel.Columns.Select(c => c.Name)], []);

    /// <summary>The position of <paramref name="column"/>; throws naming the panel's columns when it is absent.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new KeyNotFoundException($"The query returned no column '{column}' (it returned: {string.Join(", ", Columns)}).");
    }

    /// <summary>The values of <paramref name="column"/> as numbers (null stays null).</summary>
    public IEnumerable<double?> Numbers(string column)
    {
        var index = IndexOf(column);
        return Rows.Select(r => r[index] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : (double?)null);
    }
}
