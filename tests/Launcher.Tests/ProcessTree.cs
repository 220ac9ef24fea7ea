using System.Globalization;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>Processes by parent, read from <c>/proc</c>: which children the launcher started, and whether they are gone.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ParentOf(pid) == parent)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>Whether <paramref name="pid"/> still runs one of our programs (a reused PID running something else is not ours).</summary>
    public static bool IsOurs(int pid)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline");
            return command.Contains("Icesco.Insights", StringComparison.Ordinal) && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
