using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Icesco.Insights.TestSupport;

/// <summary>
/// A program of ours run as its own process, the way an operator runs it: output collected line by
/// line, readiness found by polling that output, stopped with SIGTERM (a service manager) or SIGKILL
/// (a crash).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private ServiceProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the process printed so far (stdout and stderr, interleaved).</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c>.</summary>
    public static ServiceProcess Start(string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        StartProgram("dotnet", [assemblyPath, .. arguments], Path.GetDirectoryName(assemblyPath)!, environment);

    /// <summary>Starts <paramref name="program"/> (e.g. a wrapper such as <c>unshare</c> around <c>dotnet</c>).</summary>
    public static ServiceProcess StartProgram(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(new ProcessStartInfo(program, arguments), workingDirectory, environment);

    /// <summary>
    /// Starts <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c> on a pseudo-terminal
    /// (util-linux <c>script</c>), as an operator at a console runs it: some libraries print only to a terminal.
    /// </summary>
    public static ServiceProcess StartInTerminal(string assemblyPath, IEnumerable<string> arguments)
    {
        var command = string.Join(' ', new[] { "dotnet", assemblyPath }.Concat(arguments).Select(ShellQuote));
        return Start(new ProcessStartInfo("script", ["--quiet", "--return", "--flush", "--command", command, "/dev/null"]),
            Path.GetDirectoryName(assemblyPath)!, environment: null);
    }

    private static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static ServiceProcess Start(ProcessStartInfo start, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls the output until a line contains <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan deadline) =>
        await WaitForLineOrExitAsync(text, deadline)
        ?? throw new Xunit.Sdk.XunitException($"the process exited ({process.ExitCode}) before printing '{text}':\n{Output}");

    /// <summary>As <see cref="WaitForLineAsync"/>, but null when the process exits first (for a process expected to die).</summary>
    public async Task<string?> WaitForLineOrExitAsync(string text, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            var line = Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            if (process.HasExited)
            {
                return null;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no line with '{text}' within {deadline}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan deadline)
    {
        await SignalAsync("TERM");
        return await WaitForExitAsync(deadline);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power loss of the process.</summary>
    public async Task KillAsync(TimeSpan deadline)
    {
        await SignalAsync("KILL");
        await WaitForExitAsync(deadline);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }
    }
}
