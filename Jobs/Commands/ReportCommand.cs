using System.Globalization;
using Icesco.Insights.Jobs.Reports;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// <c>report [--week 2026-W47] [--send]</c>: renders a week's report as the Monday job does (trends of the week
/// recomputed, every language as PDF and HTML, stored, replacing an earlier rendering), printing each file.
/// </summary>
public sealed class ReportCommand : JobsCommand
{
    public override string Name => "report";

    public override string Summary => "Render (and optionally e-mail) the weekly report of an ISO week";

    public override IReadOnlyList<CommandOption> Options { get; } =
    [
        new("--week", "WEEK", "ISO week, e.g. 2026-W47 (default: the last complete week in Trends:TimeZone)"),
        new("--send", null, "e-mail it to Reports:Recipients through Smtp:* unless that week was sent before"),
    ];

    public override string Remarks =>
        "The files are stored in ClickHouse (table reports, for the Dashboard) and copied under Reports:Directory.\n" +
        "Rendering a week again replaces its files; a week already e-mailed is not sent again.\n" +
        $"Example: {JobsCommandLine.ProgramName} report --week 2026-W10 --Reports:Directory=/tmp/reports";

    public override void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddReports();
    }

    public override CommandWork Bind(CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        IsoWeek? week = null;
        if (arguments.Value("--week") is { } text)
        {
            week = IsoWeek.TryParse(text, out var parsed)
                ? parsed
                : throw new CommandLineException($"--week '{text}' is not an ISO week; write it as 2026-W47 (weeks 1 to 52 or 53).");
        }
        var send = arguments.Has("--send");
        return (services, output, cancellationToken) => RunAsync(services, week, send, output, cancellationToken);
    }

    private static async Task RunAsync(IServiceProvider services, IsoWeek? requested, bool send, TextWriter output, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ReportsOptions>>().Value;
        var job = services.GetRequiredService<WeeklyReportJob>();
        var week = requested ?? job.LastCompleteWeek();
        await output.WriteLineAsync($"Weekly report {week} ({week.Monday:yyyy-MM-dd} to {week.Sunday:yyyy-MM-dd}), languages {string.Join(", ", options.Languages)}").ConfigureAwait(false);
        var files = await job.GenerateAsync(week, send, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            var pages = file.Format == "pdf" ? string.Create(CultureInfo.InvariantCulture, $", {file.Pages} pages") : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {file.Language} {file.Format,-4} {file.Content.Length,9:N0} bytes{pages}, rendered in {file.RenderTime.TotalMilliseconds:F0} ms → {Path.Combine(options.Directory, week.ToString(), file.FileName)}")).ConfigureAwait(false);
        }
        var total = files.Sum(f => f.RenderTime.TotalMilliseconds);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rendered {files.Count} files in {total:F0} ms (rendering only; queries and storage excluded).")).ConfigureAwait(false);
    }
}
