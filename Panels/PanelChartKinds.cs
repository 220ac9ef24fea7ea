namespace Icesco.Insights.Panels;

/// <summary>The chart kinds of the schema, and which of them the weekly report can draw.</summary>
public static class PanelChartKinds
{
    /// <summary>A line per series over x.</summary>
    public const string Line = "line";
    /// <summary>Vertical bars per x.</summary>
    public const string Bar = "bar";
    /// <summary>Horizontal bars per x (rankings).</summary>
    public const string BarHorizontal = "barh";
    /// <summary>Rows as a table.</summary>
    public const string Table = "table";
    /// <summary>The first row as headline figures, each with its change.</summary>
    public const string Figures = "figures";

    /// <summary>Kinds the PDF and HTML report render; the others (gauge, map, sparkline, feed) are screen-only.</summary>
    public static IReadOnlySet<string> InReport { get; } = new HashSet<string>(StringComparer.Ordinal) { Line, Bar, BarHorizontal, Table, Figures };

    /// <summary>Kinds drawn from an x column and value columns.</summary>
    public static IReadOnlySet<string> Plotted { get; } = new HashSet<string>(StringComparer.Ordinal) { Line, Bar, BarHorizontal };
}
