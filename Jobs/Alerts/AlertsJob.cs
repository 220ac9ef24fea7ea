using Hangfire;
using Icesco.Insights.Jobs.Mail;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Trends;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// Raises alerts for the last complete local day and ISO week from the stored trends, records them, and e-mails
/// new (and earlier unsent) ones when mail is configured. Safe to re-run: a subject and period is recorded once
/// and e-mailed once (decision 0012).
/// </summary>
public sealed partial class AlertsJob(
    TrendWindowQuery trends,
    AlertHistoryQuery history,
    AlertWriter writer,
    ReportLabelsQuery labelsQuery,
    MailSender mail,
    IOptions<AlertsOptions> options,
    IOptions<TrendsOptions> trendsOptions,
    TimeProvider time,
    ILogger<AlertsJob> logger)
{
    /// <summary>The recurring run. Never two at once: two runs reading the same unsent alerts would e-mail them twice.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    public Task RunAsync(CancellationToken cancellationToken) => EvaluateAsync(cancellationToken);

    public async Task<AlertRun> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var zone = trendsOptions.Value.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // The broader period first: when last week and its last day alert about the same subject, the week is raised
        // and the day falls in its quiet period.
        TrendPeriod[] periods = [TrendPeriod.Containing(TrendPeriodKind.Week, today).Shift(-1), new(TrendPeriodKind.Day, today.AddDays(-1))];

        var candidates = new List<Alert>();
        foreach (var period in periods)
        {
            var window = await trends.ReadAsync(period, cancellationToken).ConfigureAwait(false);
            if (!AlertRules.IsComplete(period, window, zone))
            {
                NotComputedSinceItEnded(logger, period);
                continue;
            }
            candidates.AddRange(AlertRules.Evaluate(period, window));
        }

        var existing = await history.ReadAsync(periods.Min(p => p.Start), now - settings.QuietPeriod, cancellationToken).ConfigureAwait(false);
        AlertRecord[] raised = [.. AlertGate.Admit(candidates, existing, now, settings.QuietPeriod).Select(a => new AlertRecord(a, now, null))];
        await writer.WriteAsync(raised, cancellationToken).ConfigureAwait(false);
        AlertRecord[] unmailed = [.. AlertGate.Unmailed(existing, now, settings.QuietPeriod), .. raised];
        var labels = unmailed.Length == 0 ? ReportLabels.None : await labelsQuery.ReadAsync([], cancellationToken).ConfigureAwait(false);
        foreach (var record in raised)
        {
            Raised(logger, AlertMail.Line(record.Alert, labels));
        }

        var emailed = await MailAsync(unmailed, labels, cancellationToken).ConfigureAwait(false);
        Evaluated(logger, candidates.Count, raised.Length, emailed);
        return new AlertRun(raised, emailed);
    }

    /// <summary>
    /// Sends one mail for all, then records them as e-mailed. A failed send throws with the alerts still unmailed,
    /// so the next run (or Hangfire's retry) sends them; only a crash between the two steps could send twice.
    /// </summary>
    private async Task<int> MailAsync(AlertRecord[] unmailed, ReportLabels labels, CancellationToken cancellationToken)
    {
        var recipients = options.Value.Recipients;
        if (unmailed.Length == 0)
        {
            return 0;
        }
        if (!mail.IsConfigured || recipients.Count == 0)
        {
            NotMailed(logger, unmailed.Length);
            return 0;
        }

        await mail.SendAsync([.. recipients], AlertMail.Subject(unmailed, labels), AlertMail.Html(unmailed, labels), AlertMail.Text(unmailed, labels), [], cancellationToken)
            .ConfigureAwait(false);
        var emailedAt = time.GetUtcNow();
        await writer.WriteAsync([.. unmailed.Select(r => r with { EmailedAt = emailedAt })], cancellationToken).ConfigureAwait(false);
        return unmailed.Length;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts: {Period} not evaluated, its trends were not computed since it ended")]
    private static partial void NotComputedSinceItEnded(ILogger logger, TrendPeriod period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert raised: {Alert}")]
    private static partial void Raised(ILogger logger, string alert);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} alert(s) not e-mailed: Smtp:Host or Alerts:Recipients is not set")]
    private static partial void NotMailed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts evaluated: {Found} found, {Raised} raised, {Emailed} e-mailed")]
    private static partial void Evaluated(ILogger logger, int found, int raised, int emailed);
}
