namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>Where the legend's entries go: a grid of equal columns, as many as the widest entry allows.</summary>
public sealed record LegendGrid(int Columns, int Rows, float ColumnWidth)
{
    /// <summary>The column and row of entry <paramref name="index"/>, filled row by row in reading order.</summary>
    public (int Column, int Row) Cell(int index) => (index % Columns, index / Columns);
}

/// <summary>Lays a legend out from its entries' measured widths, so every entry fits whole (pure, tested).</summary>
public static class ChartLegend
{
    /// <param name="widths">Each entry's width: swatch, gap and measured name.</param>
    /// <param name="width">The width the legend has.</param>
    /// <param name="gap">Space between columns.</param>
    public static LegendGrid Arrange(IReadOnlyList<float> widths, float width, float gap)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0)
        {
            return new LegendGrid(1, 0, width);
        }
        // An entry wider than the whole legend gets a row of its own; the painter wraps its name.
        var widest = Math.Min(widths.Max(), width);
        var columns = Math.Clamp((int)((width + gap) / (widest + gap)), 1, widths.Count);
        var rows = (widths.Count + columns - 1) / columns;
        return new LegendGrid(columns, rows, ((width + gap) / columns) - gap);
    }
}
