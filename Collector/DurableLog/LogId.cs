namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// A random id made once per log directory. Deduplication tokens carry it: positions alone repeat
/// when a directory is wiped or when several Collectors insert into one table, and ClickHouse would
/// then drop new batches as "already inserted".
/// </summary>
internal static class LogId
{
    private const string FileName = "log-id";

    public static Guid LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path) && Guid.TryParseExact(File.ReadAllText(path).Trim(), "N", out var existing))
        {
            return existing;
        }

        var id = Guid.NewGuid();
        DurableFiles.WriteAtomically(path, System.Text.Encoding.ASCII.GetBytes(id.ToString("N")));
        return id;
    }
}
