using ScottPlot;
using SkiaSharp;

namespace Icesco.Insights.Jobs.Reports.Charts;

/// <summary>A series' name and colour, for the legend the report draws under a chart.</summary>
public sealed record LegendEntry(string Name, SKColor Color);

/// <summary>A chart without its text (<see cref="ReportChart"/>), the legend it needs and its reading direction.</summary>
public sealed record ChartFigure(Plot Plot, IReadOnlyList<LegendEntry> Legend, bool RightToLeft);
