using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>
/// The report's fonts are a start-up requirement of the Jobs. SkiaSharp's Linux build reads the font files from
/// /usr/share/fonts itself (not through fontconfig), so the Jobs run in a mount namespace of their own where that
/// folder is empty, as on a machine where no font was ever installed (fonts are read once per process: this cannot
/// be done in the test's own).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ReportFontsFacts(EngineFixture engine) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("icesco-no-fonts-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Without_the_fonts_the_Jobs_service_does_not_start_and_names_the_packages_to_install()
    {
        var output = await RunJobsAsync(withFonts: false);

        Assert.Contains("The font 'Noto Sans", output.Text, StringComparison.Ordinal);
        Assert.Contains($"Install: {string.Join(' ', ReportFontsValidation.Packages)}", output.Text, StringComparison.Ordinal);
        Assert.NotEqual(0, output.ExitCode);
    }

    [Fact]
    public async Task With_the_fonts_the_same_start_gets_past_the_check()
    {
        var output = await RunJobsAsync(withFonts: true);

        Assert.Equal(0, output.ExitCode);
        Assert.DoesNotContain("is not installed", output.Text, StringComparison.Ordinal);
    }

    /// <summary>Runs the Jobs until started (then stops it) or until it exits on its own.</summary>
    private async Task<(string Text, int ExitCode)> RunJobsAsync(bool withFonts)
    {
        string[] service =
        [
            "dotnet", typeof(ReportsOptions).Assembly.Location,
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            $"--ClickHouse:ConnectionString={engine.Server.ConnectionString}",
            $"--ClickHouse:Database=fonts_{Guid.NewGuid():N}",
            $"--Reports:Directory={Path.Combine(folder.FullName, "reports")}",
        ];
        var empty = Directory.CreateDirectory(Path.Combine(folder.FullName, "no-fonts")).FullName;
        // unshare as root of a user namespace: a bind mount seen by this process tree only, no privilege needed.
        await using var process = withFonts
            ? ServiceProcess.StartProgram(service[0], service[1..], folder.FullName)
            : ServiceProcess.StartProgram(
                "unshare", ["--map-root-user", "--mount", "sh", "-c", "mount --bind \"$0\" /usr/share/fonts && exec \"$@\"", empty, .. service], folder.FullName);
        var started = await StartedOrExitedAsync(process);
        var exitCode = started ? await process.StopAsync(Deadline) : await process.WaitForExitAsync(Deadline);
        return (process.Output, exitCode);
    }

    private static async Task<bool> StartedOrExitedAsync(ServiceProcess process)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            if (process.Output.Contains("Application started", StringComparison.Ordinal))
            {
                return true;
            }
            if (process.HasExited)
            {
                return false;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the Jobs neither started nor exited within {Deadline}:\n{process.Output}");
    }
}
