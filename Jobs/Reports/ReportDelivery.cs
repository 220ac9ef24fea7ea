using System.Text;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Jobs.Mail;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>
/// E-mails a week's report once: the HTML of the first configured language as the body, every PDF attached.
/// A delivery is recorded in <c>report_deliveries</c> after the mail went out, and a week with a record is
/// not sent again, however often its report is re-rendered.
/// </summary>
public sealed partial class ReportDelivery(
    MailSender mail,
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    IOptions<ReportsOptions> options,
    TimeProvider time,
    ILogger<ReportDelivery> logger)
{
    /// <summary>Sends when mail and recipients are configured and the week was not sent yet; true when it sent.</summary>
    public async Task<bool> SendOnceAsync(IsoWeek week, IReadOnlyList<ReportFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var recipients = options.Value.Recipients;
        if (!mail.IsConfigured || recipients.Count == 0)
        {
            NotSent(logger, week, mail.IsConfigured ? "Reports:Recipients is empty" : "Smtp:Host is not set");
            return false;
        }
        if (await WasSentAsync(week, cancellationToken).ConfigureAwait(false))
        {
            AlreadySent(logger, week);
            return false;
        }

        var first = options.Value.Languages[0];
        var body = files.First(f => f.Language == first && f.Format == "html");
        var subject = $"{ReportText.For(ReportLanguage.Find(first)!).Title} — {week}";
        var attachments = files.Where(f => f.Format == "pdf").Select(f => new MailAttachment(f.FileName, f.ContentType, f.Content)).ToList();
        await mail.SendAsync([.. recipients], subject, Encoding.UTF8.GetString(body.Content), subject, attachments, cancellationToken).ConfigureAwait(false);

        await client.InsertBinaryAsync(
            "report_deliveries",
            ["week", "week_start", "recipients", "sent_at"],
            [[week.ToString(), week.Monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), string.Join(",", recipients), time.GetUtcNow().UtcDateTime]],
            QueryPurpose.Insert("report-delivery-record", clickHouse.Value.Database),
            cancellationToken).ConfigureAwait(false);
        Sent(logger, week, recipients.Count);
        return true;
    }

    private async Task<bool> WasSentAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("week", week.ToString());
        var count = await client.ExecuteScalarAsync(
            $"SELECT count() FROM {clickHouse.Value.Database}.report_deliveries WHERE week = {{week:String}}",
            parameters, QueryPurpose.Options("report-delivery-check"), cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(count, null) > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {Week} e-mailed to {Recipients} recipients")]
    private static partial void Sent(ILogger logger, IsoWeek week, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {Week} was e-mailed before; not sent again")]
    private static partial void AlreadySent(ILogger logger, IsoWeek week);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {Week} not e-mailed: {Reason}")]
    private static partial void NotSent(ILogger logger, IsoWeek week, string reason);
}
