using System.Diagnostics;
using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>
/// One service of the system run as its own process, as docker-compose would run its container:
/// started, watched for the line that says it is ready, its output relayed with its name, stopped
/// with SIGTERM so it shuts down cleanly (the engine must close its connections before exit).
/// </summary>
internal sealed class ChildService : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly string name;
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildService(string name, Process process)
    {
        this.name = name;
        this.process = process;
    }

    /// <summary>Completes with the rest of the first line starting with the ready marker.</summary>
    public Task<string> Ready => ready.Task;

    public static ChildService Start(
        string name, string assemblyPath, IEnumerable<string> arguments, string readyMarker, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [assemblyPath, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // A service finds its appsettings.json in its own build output.
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildService(name, process);
        process.OutputDataReceived += (_, e) => child.Relay(e.Data, readyMarker);
        process.ErrorDataReceived += (_, e) => child.Relay(e.Data, readyMarker: null);
        process.Exited += (_, _) => child.ready.TrySetException(
            new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"[{name}] did not stop within {StopGrace.TotalSeconds:F0} s; killing it.");
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private void Relay(string? line, string? readyMarker)
    {
        if (line is null)
        {
            return;
        }

        Console.Error.WriteLine($"[{name}] {line}");
        var marker = readyMarker is null ? -1 : line.IndexOf(readyMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            ready.TrySetResult(line[(marker + readyMarker!.Length)..].Trim());
        }
    }
}
