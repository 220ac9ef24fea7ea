using System.Globalization;
using Icesco.Insights.Collector.Ingestion;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Consecutive records of one segment, sent to ClickHouse together. Its boundaries are log
/// positions, so the same records always form the same batch and carry the same tokens.
/// </summary>
internal sealed record LogBatch(Guid LogId, LogPosition Start, long End, IReadOnlyList<CollectedEvent> Events, bool Resent)
{
    /// <summary>The token the batch's rows in <paramref name="table"/> carry, the same on every attempt and after a restart.</summary>
    public string TokenFor(string table) =>
        string.Create(CultureInfo.InvariantCulture, $"log-{LogId:N}-{Start.Segment}-{Start.Offset}-{End}-{table}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start}..{End}");
}
