namespace Icesco.Insights.Dashboard.Reports;

/// <summary>One stored weekly report file, without its content.</summary>
public sealed record ReportListing(
    string Week,
    DateOnly WeekStart,
    string Language,
    string Format,
    long SizeBytes,
    int Pages,
    DateTimeOffset GeneratedAt);
