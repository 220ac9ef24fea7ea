using System.Text.Json;

namespace Icesco.Insights.TestSupport;

/// <summary>
/// One line of docs/reliability.md: what a reliability test or benchmark tried, how many times, and
/// what was lost — the figure, not only "passed". Written as a JSON line to the file named by
/// <c>ICESCO_RELIABILITY_FIGURES</c> when it is set (by <c>bench/reliability/run.sh</c>); nothing otherwise.
/// </summary>
/// <param name="Area">The promise, e.g. "SIGKILL at random points".</param>
/// <param name="Tried">What was done, in a few words.</param>
/// <param name="Count">How many times (kills, bodies, events), as a number.</param>
/// <param name="Lost">What was lost or doubled, e.g. "0 lost, 0 doubled of 12,400 accepted".</param>
/// <param name="Figure">The measured figure beside it (p99, RSS, time to cut), or empty.</param>
public sealed record ReliabilityFigure(string Area, string Tried, long Count, string Lost, string Figure)
{
    public const string FileVariable = "ICESCO_RELIABILITY_FIGURES";

    private static readonly Lock Gate = new();

    /// <summary>Appends this figure when a figures file is named; the test's own asserts decide pass or fail.</summary>
    public void Record()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var line = JsonSerializer.Serialize(this) + "\n";
        lock (Gate)
        {
            File.AppendAllText(path, line);
        }
    }
}
