using System.Diagnostics;
using System.Globalization;

namespace Icesco.Insights.Bench;

/// <summary>
/// A service of ours run as <c>sh -c 'exec dotnet …'</c> (so the process id is the service's own), its output in a
/// file of the soak's work directory; killed on dispose and when the soak itself is stopped.
/// </summary>
internal sealed class SoakService : IDisposable
{
    private readonly Process process;
    private readonly string output;
    private bool disposed;

    private SoakService(Process process, string output)
    {
        this.process = process;
        this.output = output;

        // A soak stopped with SIGTERM or Ctrl+C takes its services with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public static SoakService Start(string name, DirectoryInfo work, string dll, string[] arguments, Dictionary<string, string> environment)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: dotnet build bench -c Release", dll);
        }

        var output = Path.Combine(work.FullName, name + ".log");
        var command = "exec dotnet " + string.Join(' ', new[] { dll }.Concat(arguments).Select(Quote)) + " >" + Quote(output) + " 2>&1";
        var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new SoakService(Process.Start(start)!, output);
    }

    public long ResidentBytes()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"process {process.Id} exited ({process.ExitCode}); its output is in {output}:\n{File.ReadAllText(output)}");
        }

        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        lock (process)
        {
            Stop();
        }
    }

    private void Stop()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
