using System.Diagnostics;
using System.Globalization;

namespace Icesco.Insights.Launcher;

/// <summary>
/// Makes the services die with the launcher, even when it is killed (SIGKILL, a crash): a small shell in its
/// own session reads the services' PIDs from a pipe the launcher holds. When the launcher ends in any way the
/// pipe closes and the shell sends SIGTERM to each service's process group, then SIGKILL to what is left.
/// A clean stop stops the services itself and then kills the watchdog, which then signals nothing.
/// </summary>
internal sealed class ChildWatchdog : IDisposable
{
    // POSIX sh (dash): "kill -TERM -PID" signals the process group PID leads; dash's kill takes no "--".
    private const string Script = """
        pids=""
        while read -r pid; do pids="$pids $pid"; done
        for pid in $pids; do kill -TERM "-$pid" 2>/dev/null; done
        for second in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
          alive=""
          for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
          [ -z "$alive" ] && exit 0
          sleep 1
        done
        for pid in $pids; do kill -KILL "-$pid" 2>/dev/null; done
        """;

    private readonly Process process;
    private readonly Lock gate = new();

    private ChildWatchdog(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public static ChildWatchdog Start()
    {
        var start = new ProcessStartInfo("setsid", ["sh", "-c", Script]) { RedirectStandardInput = true };
        return new ChildWatchdog(Process.Start(start) ?? throw new InvalidOperationException("The watchdog did not start."));
    }

    /// <summary>Adds a service (a process group leader) to those stopped if the launcher dies.</summary>
    public void Watch(int processId)
    {
        lock (gate)
        {
            process.StandardInput.WriteLine(processId.ToString(CultureInfo.InvariantCulture));
            process.StandardInput.Flush();
        }
    }

    /// <summary>After a clean stop: the services are gone, so the watchdog goes without signalling anything.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
