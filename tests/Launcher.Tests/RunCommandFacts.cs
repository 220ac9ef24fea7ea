using System.Text.RegularExpressions;
using ClickHouse.Driver;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Launcher.Tests;

[Collection(LauncherCollection.Name)]
public sealed partial class RunCommandFacts : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("icesco-launch-");

    [Fact]
    public async Task The_run_command_starts_the_embedded_clickhouse_with_the_schema_applied_and_stops_cleanly()
    {
        await using var launcher = Launch("--data", data.FullName, "--clickhouse-port", "0", "--collector-port", "0", "--jobs-port", "0", "--dashboard-port", "0", "--demo-weeks", "1", "--demo-daily-views", "50", "--database", "launch_test");

        await launcher.WaitForLineAsync("Icesco.Insights is running.", Deadline);
        var endpoint = new Uri(Endpoint().Match(await launcher.WaitForLineAsync("ClickHouse (embedded)", Deadline)).Value);
        using (var client = new ClickHouseClient($"Host={endpoint.Host};Port={endpoint.Port}"))
        {
            var tables = new List<string>();
            using var reader = await client.ExecuteReaderAsync("SELECT name FROM system.tables WHERE database = 'launch_test'");
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            Assert.Contains("page_views", tables);
            Assert.Contains("feedback", tables);
            Assert.Contains("articles", tables);
            Assert.Contains("engagement_by_topic_1m", tables);
            Assert.Equal(52ul, await client.ExecuteScalarAsync("SELECT count() FROM launch_test.member_states FINAL WHERE status = 'confirmed'"));
        }

        var health = new Uri(CollectorUrl().Match(await launcher.WaitForLineAsync("Health ", Deadline)).Value);
        using (var http = new HttpClient())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(health)).StatusCode);
        }

        Assert.Equal(0, await launcher.StopAsync(Deadline));
        using var probe = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(new Uri(endpoint, "ping")));
    }

    [Fact]
    public async Task A_second_run_on_the_same_data_finds_the_schema_current()
    {
        await using (var first = Launch("--data", data.FullName, "--clickhouse-port", "0", "--collector-port", "0", "--jobs-port", "0", "--dashboard-port", "0", "--demo-weeks", "1", "--demo-daily-views", "50"))
        {
            await first.WaitForLineAsync("Icesco.Insights is running.", Deadline);
            Assert.Equal(0, await first.StopAsync(Deadline));
        }

        await using var second = Launch("--data", data.FullName, "--clickhouse-port", "0", "--collector-port", "0", "--jobs-port", "0", "--dashboard-port", "0", "--demo-weeks", "1", "--demo-daily-views", "50");
        Assert.Contains("schema already current", await second.WaitForLineAsync("ClickHouse (embedded)", Deadline), StringComparison.Ordinal);
        Assert.Equal(0, await second.StopAsync(Deadline));
    }

    [Fact]
    public async Task Help_explains_the_options_and_a_wrong_option_is_named()
    {
        await using var help = Launch("--help");
        Assert.Equal(0, await help.WaitForExitAsync(Deadline));
        Assert.Contains("--clickhouse-port", help.Output, StringComparison.Ordinal);
        Assert.Contains("--dashboard-port", help.Output, StringComparison.Ordinal);
        Assert.Contains("--demo", help.Output, StringComparison.Ordinal);

        await using var wrong = Launch("--colour", "blue");
        Assert.Equal(2, await wrong.WaitForExitAsync(Deadline));
        Assert.Contains("--colour", wrong.Output, StringComparison.Ordinal);
    }

    public void Dispose() => data.Delete(recursive: true);

    private static ServiceProcess Launch(params string[] arguments)
        => ServiceProcess.Start(Path.Combine(AppContext.BaseDirectory, "Icesco.Insights.Launcher.dll"), arguments);

    [GeneratedRegex(@"http://[0-9.]+:\d+/")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"http://[0-9.]+:\d+/health")]
    private static partial Regex CollectorUrl();
}
