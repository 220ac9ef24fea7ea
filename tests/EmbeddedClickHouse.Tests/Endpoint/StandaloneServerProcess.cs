using System.Diagnostics;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>
/// The endpoint run as its own process, exactly as an operator runs it (<c>--path DIR --port 0</c>),
/// stopped with SIGTERM like a service manager would.
/// </summary>
internal sealed class StandaloneServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);
    private readonly Process process;

    private StandaloneServerProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<StandaloneServerProcess> StartAsync(string dataPath, params string[] extraArguments)
    {
        var assembly = typeof(EmbeddedClickHouseServer).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly, "--path", dataPath, "--port", "0", .. extraArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                return new StandaloneServerProcess(process, new Uri(line["Listening on ".Length..].Trim()));
            }
        }

        var errors = await process.StandardError.ReadToEndAsync(deadline.Token);
        throw new InvalidOperationException($"The endpoint exited before listening ({process.ExitCode}): {errors}");
    }

    /// <summary>Asks the process to stop as a service manager would, and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(StartDeadline);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await StopAsync();
        }

        process.Dispose();
    }
}
