using System.Text.Json;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// The flusher's durable progress: everything before <see cref="Committed"/> is in ClickHouse; when
/// <see cref="Pending"/> is set, that exact range was being sent when the process stopped, and must
/// be sent again — same boundaries, same tokens — before anything after it.
/// </summary>
internal sealed record FlushCheckpoint(LogPosition Committed, PendingRange? Pending)
{
    private const string FileName = "checkpoint.json";

    public static FlushCheckpoint? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        // Written by rename, so the file is whole; a parse failure is damage worth stopping for.
        var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllBytes(path))
            ?? throw new InvalidDataException($"{path} is empty.");
        return new FlushCheckpoint(
            new LogPosition(stored.Segment, stored.Offset),
            stored.PendingEnd is { } end ? new PendingRange(new LogPosition(stored.Segment, stored.Offset), end) : null);
    }

    public void Save(string directory)
    {
        var stored = new Stored(Committed.Segment, Committed.Offset, Pending?.End);
        DurableFiles.WriteAtomically(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(stored), crashPoints: true);
    }

    /// <summary>The pending batch always starts at the committed position, so only its end is stored.</summary>
    private sealed record Stored(long Segment, long Offset, long? PendingEnd);
}

/// <summary>A batch's records: from <see cref="Start"/> up to, not including, byte <see cref="End"/> of the same segment.</summary>
internal sealed record PendingRange(LogPosition Start, long End);
