using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Icesco.Insights.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>The whole system started the way <c>./run.sh</c> starts it: free ports, a temporary data folder.</summary>
[Collection(LauncherCollection.Name)]
public sealed partial class WholeSystemFacts : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("icesco-system-");
    private readonly string database = "system_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_seeded_history_and_live_events_reach_the_hub_the_printed_admin_signs_in_the_reports_download_in_three_languages_and_no_process_is_left()
    {
        await using var launcher = Launch();
        await launcher.WaitForLineAsync("Icesco.Insights is running", Deadline);
        var summary = RunSummary.Parse(launcher.Output);
        var children = ProcessTree.ChildrenOf(launcher.Id).Where(ProcessTree.IsOurs).ToList();
        Assert.True(children.Count >= 4, $"expected ClickHouse, Collector, Jobs and Dashboard as children, found {children.Count}");

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(summary.Dashboard, "health"))).StatusCode);
        Assert.NotNull(summary.AdminPassword);
        using var staff = await DashboardSession.SignInAsync(summary.Dashboard, "admin", summary.AdminPassword);
        using (var live = await staff.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        var states = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(summary.Dashboard, "hubs/engagement"), o => o.Headers["Cookie"] = staff.CookieHeader)
            .Build();
        hub.On<JsonElement>("Snapshot", states.Enqueue);
        hub.On<JsonElement>("Update", states.Enqueue);
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "all");

        await PostPageViewsAsync(summary.Collector, count: 5);
        Assert.Equal(HttpStatusCode.BadRequest, await PutNoArticlesAsync(summary.Collector, File.ReadAllText(Path.Combine(data.FullName, "articles-api-key")).Trim()));
        Assert.Equal(HttpStatusCode.Forbidden, await PutNoArticlesAsync(summary.Collector, "not-the-key"));
        await Poll.UntilAsync(
            () => states.Any(s => s.GetProperty("activeVisitors").GetInt64() > 0),
            Deadline,
            () => $"the hub pushed no state with an active visitor ({states.Count} states)");

        var week = ReportWeek().Match(await launcher.WaitForLineAsync("[jobs report] Weekly report ", Deadline)).Value;
        await launcher.WaitForLineAsync("Demo data: history ", Deadline); // a week of history from the Simulator, its trends computed
        await launcher.WaitForLineAsync("Demo data: the weekly report of the last complete week is rendered.", Deadline);
        foreach (var language in new[] { "ar", "en", "fr" })
        {
            using var pdf = await staff.GetAsync($"/api/v1/reports/{week}/{language}.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        }

        // What a new user sees on the Reports page: the demo's report, listed by the Dashboard in its three languages.
        using (var listed = await staff.GetAsync("/api/v1/reports"))
        {
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            using var reports = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            var pdfs = reports.RootElement.EnumerateArray()
                .Where(r => r.GetProperty("week").GetString() == week && r.GetProperty("format").GetString() == "pdf")
                .Select(r => r.GetProperty("language").GetString())
                .Order(StringComparer.Ordinal);
            Assert.Equal(["ar", "en", "fr"], pdfs);
        }

        // The backfill of the seeded history left weekly trends by topic, which the Dashboard's API serves.
        using (var trends = await staff.GetAsync("/api/v1/trends?dimension=topic&kind=week&periods=8"))
        {
            Assert.Equal(HttpStatusCode.OK, trends.StatusCode);
            using var rows = System.Text.Json.JsonDocument.Parse(await trends.Content.ReadAsStringAsync());
            Assert.True(rows.RootElement.GetArrayLength() > 0, "no weekly topic trends after the demo's backfill");
        }

        Assert.Equal(0, await launcher.StopAsync(Deadline));
        // The console of a first run is quiet and true: nothing failed, the engine reported nothing fatal, a clean stop.
        var output = launcher.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.DoesNotContain(output, l => FailedLine().IsMatch(l));
        Assert.DoesNotContain(output, l => l.Contains("Fatal", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Stopped.", output); // its own line (stdout and stderr are read apart, so not necessarily the last)
        await Poll.UntilAsync(() => !children.Any(ProcessTree.IsOurs), TimeSpan.FromSeconds(30),
            () => $"still running: {string.Join(", ", children.Where(ProcessTree.IsOurs))}");
        // The launcher relays every service's lines on its own stderr in the order it stopped them, so the
        // Collector's flush comes before the Dashboard's shutdown line (stdout's "Stopping…" may interleave anywhere).
        var lines = launcher.Output.Split('\n');
        var flushed = Array.FindIndex(lines, l => l.StartsWith("[collector]", StringComparison.Ordinal) && l.Contains("Shutdown flush done", StringComparison.Ordinal));
        var dashboardStopping = Array.FindIndex(lines, l => l.StartsWith("[dashboard]", StringComparison.Ordinal) && l.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.True(flushed >= 0, "the Collector printed no shutdown flush");
        Assert.True(dashboardStopping >= 0, "the Dashboard printed no shutdown line");
        Assert.True(flushed < dashboardStopping, "the Collector flushed its log after the Dashboard began stopping");
    }

    [Fact]
    public async Task Killing_the_launcher_stops_every_service_it_started()
    {
        await using var launcher = Launch();
        await launcher.WaitForLineAsync("Icesco.Insights is running", Deadline);
        var children = ProcessTree.ChildrenOf(launcher.Id).Where(ProcessTree.IsOurs).ToList();
        Assert.True(children.Count >= 4, $"expected ClickHouse, Collector, Jobs and Dashboard as children, found {children.Count}");

        await launcher.KillAsync(Deadline);

        await Poll.UntilAsync(() => !children.Any(ProcessTree.IsOurs), TimeSpan.FromSeconds(40),
            () => $"still running after the launcher was killed: {string.Join(", ", children.Where(ProcessTree.IsOurs))}");
    }

    [Fact]
    public async Task A_service_that_dies_on_its_own_stops_the_system_with_its_name_and_a_failing_exit_code()
    {
        await using var launcher = Launch();
        await launcher.WaitForLineAsync("Icesco.Insights is running", Deadline);
        var children = ProcessTree.ChildrenOf(launcher.Id).Where(ProcessTree.IsOurs).ToList();
        var collector = children.Single(pid => File.ReadAllText($"/proc/{pid}/cmdline").Contains("Icesco.Insights.Collector.dll", StringComparison.Ordinal));

        using (var process = System.Diagnostics.Process.GetProcessById(collector))
        {
            process.Kill(); // SIGKILL: a crash, not a stop
        }

        Assert.Equal(1, await launcher.WaitForExitAsync(Deadline));
        Assert.Contains("error: the collector service exited on its own", launcher.Output, StringComparison.Ordinal);
        await Poll.UntilAsync(() => !children.Any(ProcessTree.IsOurs), TimeSpan.FromSeconds(30),
            () => $"still running after the collector died: {string.Join(", ", children.Where(ProcessTree.IsOurs))}");
    }

    public void Dispose() => data.Delete(recursive: true);

    private ServiceProcess Launch() => ServiceProcess.Start(
        Path.Combine(AppContext.BaseDirectory, "Icesco.Insights.Launcher.dll"),
        ["--data", data.FullName, "--database", database,
            "--clickhouse-port", "0", "--collector-port", "0", "--jobs-port", "0", "--dashboard-port", "0",
            "--demo-weeks", "1", "--demo-daily-views", "100"]);

    private static async Task PostPageViewsAsync(Uri collector, int count)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd(Chrome);
        for (var i = 0; i < count; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri(collector, "api/v1/events"), new
            {
                type = "pageview",
                url = $"https://www.icesco.org/en/2026/11/2{i}/launcher-test-{i}/",
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    /// <summary>An empty bulk PUT: 400 once the key is accepted (nothing is written), 401/403 when it is not.</summary>
    private static async Task<HttpStatusCode> PutNoArticlesAsync(Uri collector, string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(collector, "api/v1/articles/")) { Content = JsonContent.Create(Array.Empty<object>()) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\bfailed\b", RegexOptions.IgnoreCase)]
    private static partial Regex FailedLine();

    [GeneratedRegex(@"\d{4}-W\d{2}")]
    private static partial Regex ReportWeek();
}
