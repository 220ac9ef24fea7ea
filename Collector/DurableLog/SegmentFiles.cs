using System.Globalization;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Names of the log's segment files (<c>00000000000000000001.log</c>, …): zero-padded so that a
/// directory listing sorts them in log order, and an operator sees which is oldest.
/// </summary>
internal static class SegmentFiles
{
    private const string Extension = ".log";

    public static string PathOf(string directory, long segment) =>
        Path.Combine(directory, segment.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segments in the directory, oldest first, with their current lengths.</summary>
    public static IReadOnlyList<(long Segment, long Length)> List(string directory)
    {
        var found = new List<(long, long)>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*" + Extension))
        {
            var stem = Path.GetFileNameWithoutExtension(file.Name);
            if (stem.Length == 20 && long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var segment))
            {
                found.Add((segment, file.Length));
            }
        }

        found.Sort();
        return found;
    }
}
