using System.Text.RegularExpressions;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Dashboard.Tests.Auth;

/// <summary>The Dashboard run as its own process, as an operator starts it the first time and the next.</summary>
public sealed partial class FirstRunAdminFacts : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("icesco-dashboard-first-run-");

    public void Dispose() => data.Delete(recursive: true);

    [Fact]
    public async Task The_first_start_creates_an_admin_with_a_generated_password_printed_once()
    {
        var first = await RunUntilStartedAsync();
        var password = Printed().Match(first).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        var file = await File.ReadAllTextAsync(Path.Combine(data.FullName, "dashboard-users.json"));
        Assert.Contains("\"admin\"", file, StringComparison.Ordinal);
        Assert.DoesNotContain(password, file, StringComparison.Ordinal); // only its hash
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(data.FullName, "dashboard-users.json")) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        // | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.FullName, "dashboard-users.json")));

        var second = await RunUntilStartedAsync();
        Assert.DoesNotContain("Dashboard first run", second, StringComparison.Ordinal);
        Assert.DoesNotContain(password, second, StringComparison.Ordinal);
    }

    private async Task<string> RunUntilStartedAsync()
    {
        await using var process = ServiceProcess.Start(typeof(DashboardService).Assembly.Location,
        [
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            $"--Dashboard:DataDirectory={data.FullName}",
            "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=1;Protocol=http",
        ]);
        await process.WaitForLineAsync("Application started", Deadline);
        await process.StopAsync(Deadline);
        return process.Output;
    }

    [GeneratedRegex("Dashboard first run: sign in as admin with password (\\S+)")]
    private static partial Regex Printed();
}
