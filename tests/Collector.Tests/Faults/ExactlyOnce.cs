using ClickHouse.Driver;
using Icesco.Insights.Collector.Tests.Infrastructure;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// Checks that every event a Collector answered 202 for is in ClickHouse, and only once. Events of a
/// request cut off by a kill may also arrive (they were on disk, just not yet acknowledged): allowed,
/// but never twice.
/// </summary>
internal static class ExactlyOnce
{
    public static async Task AssertAsync(ClickHouseClient client, string database, IReadOnlyCollection<Guid> accepted, TimeSpan deadline)
    {
        Assert.NotEmpty(accepted);
        var stored = await Eventually.UntilAsync(
            () => StoredAsync(client, database),
            s => accepted.All(s.ContainsKey),
            deadline,
            $"all {accepted.Count} accepted page views in {database}");

        var doubled = stored.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        Assert.True(doubled.Count == 0, $"{doubled.Count} events are stored more than once, e.g. {doubled.FirstOrDefault()}");
    }

    private static async Task<Dictionary<Guid, ulong>> StoredAsync(ClickHouseClient client, string database)
    {
        var stored = new Dictionary<Guid, ulong>();
        if (!await TableExistsAsync(client, database))
        {
            return stored; // a Collector that migrates in the background has not created it yet
        }

        using var reader = await client.ExecuteReaderAsync($"SELECT event_id, count() FROM {database}.page_views GROUP BY event_id");
        while (reader.Read())
        {
            stored[reader.GetGuid(0)] = reader.GetFieldValue<ulong>(1);
        }

        return stored;
    }

    private static async Task<bool> TableExistsAsync(ClickHouseClient client, string database)
        => Convert.ToUInt64(
            await client.ExecuteScalarAsync($"SELECT count() FROM system.tables WHERE database = '{database}' AND name = 'page_views'"),
            System.Globalization.CultureInfo.InvariantCulture) > 0;
}
