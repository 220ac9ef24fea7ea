using System.Diagnostics;
using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>
/// One program of the system run as its own process, as docker-compose would run its container: started
/// in its own session (so the terminal's Ctrl+C reaches the launcher only, which stops the services in
/// order), registered with the <see cref="ChildWatchdog"/>, its output relayed with its name, stopped with
/// SIGTERM so it shuts down cleanly (the Collector flushes its log, the engine closes its connections).
/// </summary>
internal sealed class ChildService : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly ChildSpec spec;
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> captured = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> exitedUnasked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool stopping;

    private ChildService(ChildSpec spec, Process process)
    {
        this.spec = spec;
        this.process = process;
    }

    public string Name => spec.Name;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Completes with the rest of the first line after the ready marker; fails if the process exits first.</summary>
    public Task<string> Ready => ready.Task;

    /// <summary>Completes with the exit code if the process ends without <see cref="StopAsync"/> asking it to (a crash).</summary>
    public Task<int> ExitedUnasked => exitedUnasked.Task;

    /// <summary>The first line with the capture marker, if one was printed so far.</summary>
    public string? CapturedLine => captured.Task.IsCompletedSuccessfully ? captured.Task.Result : null;

    public static ChildService Start(ChildSpec spec, ChildWatchdog watchdog)
    {
        // setsid: the service leads its own process group, out of the terminal's reach; same PID (no fork).
        var start = new ProcessStartInfo("setsid", ["dotnet", spec.AssemblyPath, .. spec.Arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // A service finds its appsettings.json in its own build output.
            WorkingDirectory = Path.GetDirectoryName(spec.AssemblyPath)!,
        };
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildService(spec, process);
        process.OutputDataReceived += (_, e) => child.Relay(e.Data);
        process.ErrorDataReceived += (_, e) => child.Relay(e.Data);
        process.Exited += (_, _) =>
        {
            if (!child.stopping)
            {
                child.exitedUnasked.TrySetResult(process.ExitCode);
            }
        };
        if (spec.ReadyMarker is not null)
        {
            process.Exited += (_, _) => child.ready.TrySetException(
                new InvalidOperationException($"{spec.Name} exited with code {process.ExitCode} before it was ready."));
        }

        process.Start();
        watchdog.Watch(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a program that runs to its end (a Jobs command); its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, then waits; kills it if it does not stop within the grace period.</summary>
    public async Task StopAsync()
    {
        stopping = true;
        if (process.HasExited)
        {
            return;
        }

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
            await Console.Error.WriteLineAsync($"[{Name}] did not stop within {StopGrace.TotalSeconds:F0} s; killing it.").ConfigureAwait(false);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private void Relay(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (spec.CaptureMarker is { } capture && line.Contains(capture, StringComparison.Ordinal) && captured.TrySetResult(line))
        {
            return; // shown once, by the launcher's summary
        }

        Console.Error.WriteLine($"[{Name}] {line}");
        var marker = spec.ReadyMarker is null ? -1 : line.IndexOf(spec.ReadyMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            ready.TrySetResult(line[(marker + spec.ReadyMarker!.Length)..].Trim());
        }
    }
}
