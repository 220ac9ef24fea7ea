using System.Diagnostics;
using Icesco.Insights.Jobs.Trends;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>
/// The weekly report: on Mondays for the week just finished, or for any week on demand. Recomputes that
/// week's trends first (late events count), renders every language as PDF and HTML, replaces any earlier
/// rendering, then e-mails it once.
/// </summary>
public sealed partial class WeeklyReportJob(
    TrendsJob trends,
    ReportDataReader reader,
    ReportRenderer renderer,
    ReportStore store,
    ReportDelivery delivery,
    IOptions<ReportsOptions> options,
    IOptions<TrendsOptions> trendsOptions,
    TimeProvider time,
    ILogger<WeeklyReportJob> logger)
{
    /// <summary>The scheduled run: the last complete ISO week in the trends' time zone.</summary>
    public Task RunWeeklyAsync(CancellationToken cancellationToken = default) =>
        GenerateAsync(LastCompleteWeek(), send: true, cancellationToken);

    /// <summary>The ISO week that ended last, in <c>Trends:TimeZone</c>.</summary>
    public IsoWeek LastCompleteWeek()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), trendsOptions.Value.ResolveTimeZone());
        return IsoWeek.LastCompleteBefore(DateOnly.FromDateTime(local.DateTime));
    }

    /// <summary>Renders and stores <paramref name="week"/>'s report; e-mails it when <paramref name="send"/> and not sent before.</summary>
    public async Task<IReadOnlyList<ReportFile>> GenerateAsync(IsoWeek week, bool send, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await trends.ComputeAsync(TrendPeriodKind.Week, week.Monday, cancellationToken).ConfigureAwait(false);
        var data = await reader.ReadAsync(week, cancellationToken).ConfigureAwait(false);
        var languages = options.Value.Languages.Select(l => ReportLanguage.Find(l)!).ToList();
        var files = renderer.Render(data, languages);
        await store.SaveAsync(files, cancellationToken).ConfigureAwait(false);
        var bytes = files.Sum(f => (long)f.Content.Length);
        Rendered(logger, week, files.Count, bytes, clock.ElapsedMilliseconds);
        if (send)
        {
            await delivery.SendOnceAsync(week, files, cancellationToken).ConfigureAwait(false);
        }
        return files;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {Week}: {Files} files, {Bytes} bytes, in {Milliseconds} ms")]
    private static partial void Rendered(ILogger logger, IsoWeek week, int files, long bytes, long milliseconds);
}
