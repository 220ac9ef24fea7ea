using System.Net;
using System.Net.Sockets;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Tests.Mail;
using static Icesco.Insights.Jobs.Tests.Alerts.AlertsJobFacts;

namespace Icesco.Insights.Jobs.Tests.Alerts;

[Collection(EngineCollection.Name)]
public sealed class AlertMailFacts(EngineFixture engine)
{
    private static Dictionary<string, string?> Recipients(Dictionary<string, string?> settings)
    {
        settings["Alerts:Recipients:0"] = "staff@icesco.test";
        settings["Alerts:Recipients:1"] = "Manager <manager@icesco.test>";
        return settings;
    }

    [Fact]
    public async Task New_alerts_reach_the_recipients_in_one_mail_through_the_configured_smtp_server_and_only_once()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var alerts = await AlertsHarness.CreateAsync(engine, Recipients(smtp.Settings()));
        await alerts.WriteTrendsAsync(AfterWeek, WeeklyHistory());

        var run = await alerts.EvaluateAtAsync(Evaluation);
        var again = await alerts.EvaluateAtAsync(Evaluation.AddHours(1));

        Assert.Equal(2, run.Emailed);
        Assert.Equal(0, again.Emailed);
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(["staff@icesco.test", "manager@icesco.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("ICESCO Insights: 2 alerts", mail.Subject);
        Assert.Contains("spike of topic science, week 2026-06-01: 300 views (usually 100 views)", mail.TextBody, StringComparison.Ordinal);
        // Member states and topics by their English names from the reference tables; a code they lack ("science") as itself.
        Assert.Contains("satisfaction-drop of member state Morocco, week 2026-06-01: CSAT 40%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<td>science</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>member state</td><td>Morocco</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(ExpectedWeekAlerts.Select(a => a.Replace("not-emailed", "emailed", StringComparison.Ordinal)), await alerts.AlertsAsync());
        Assert.Single(smtp.Messages); // the second run sent nothing more
    }

    [Fact]
    public async Task Without_smtp_alerts_are_recorded_but_no_mail_is_sent()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = Recipients(smtp.Settings());
        settings["Smtp:Host"] = ""; // mail off, although recipients and a listening server exist
        await using var alerts = await AlertsHarness.CreateAsync(engine, settings);
        await alerts.WriteTrendsAsync(AfterWeek, WeeklyHistory());

        var run = await alerts.EvaluateAtAsync(Evaluation);

        Assert.Equal(2, run.Raised.Count);
        Assert.Equal(0, run.Emailed);
        Assert.Equal(ExpectedWeekAlerts, await alerts.AlertsAsync());
        Assert.Empty(smtp.Messages); // the run is over: nothing can still be on its way
    }

    [Fact]
    public async Task Alerts_whose_mail_failed_are_recorded_and_mailed_by_a_later_run()
    {
        var closedPort = ClosedLoopbackPort();
        var unreachable = Recipients(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "insights@icesco.test",
        });
        await using var failing = await AlertsHarness.CreateAsync(engine, unreachable);
        await failing.WriteTrendsAsync(AfterWeek, WeeklyHistory());

        await Assert.ThrowsAsync<SocketException>(() => failing.EvaluateAtAsync(Evaluation));
        Assert.Equal(ExpectedWeekAlerts, await failing.AlertsAsync());

        await using var smtp = await TestSmtpServer.StartAsync();
        await using var later = await AlertsHarness.CreateAsync(engine, Recipients(smtp.Settings()), failing.Database);
        var run = await later.EvaluateAtAsync(Evaluation.AddHours(1));

        Assert.Empty(run.Raised);
        Assert.Equal(2, run.Emailed);
        Assert.Equal("ICESCO Insights: 2 alerts", Assert.Single(await smtp.WaitForMessagesAsync(1)).Subject);
        Assert.All(await later.AlertsAsync(), a => Assert.EndsWith(" emailed", a, StringComparison.Ordinal));
    }

    /// <summary>A loopback port nothing listens on: bound by the system, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
