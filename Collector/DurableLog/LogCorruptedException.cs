namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// A record that was once made durable no longer reads back intact (bad checksum or length in the
/// middle of a segment). The log stops there rather than skip it: skipping would lose accepted
/// events silently, and only an operator can judge the damage.
/// </summary>
public sealed class LogCorruptedException : IOException
{
    public LogCorruptedException()
    {
    }

    public LogCorruptedException(string message)
        : base(message)
    {
    }

    public LogCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LogCorruptedException(string file, long offset, string reason)
        : base($"Durable log record at byte {offset} of {file} is damaged ({reason}); the log is not read past it.")
    {
        File = file;
        Offset = offset;
    }

    public string? File { get; }

    public long Offset { get; }
}
