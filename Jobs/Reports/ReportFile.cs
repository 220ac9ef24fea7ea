namespace Icesco.Insights.Jobs.Reports;

/// <summary>One rendered report: a week in one language and format, with what the Dashboard lists about it.</summary>
public sealed record ReportFile(IsoWeek Week, string Language, string Format, byte[] Content, int Pages, DateTimeOffset GeneratedAt, TimeSpan RenderTime)
{
    public string FileName => $"icesco-insights-{Week}-{Language}.{Format}";

    public string ContentType => Format == "pdf" ? "application/pdf" : "text/html; charset=utf-8";
}
