using ClickHouse.Driver;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Storage.ReferenceData;

/// <summary>
/// Seeds <c>member_states</c> and <c>topics</c> from the shipped files. Idempotent, and it never
/// overrides an operator: a seed row is inserted only for a code whose newest version is below
/// <see cref="SeedVersion"/>. Operators correct a row by inserting it with a higher version
/// (epoch milliseconds, see docs/decisions/0003-reference-data.md), which every later seed leaves alone.
/// </summary>
public sealed class ReferenceDataSeeder(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time)
{
    /// <summary>
    /// Version of the shipped reference data. Raise it when the files change so the new seed
    /// replaces older seeds; it stays far below any operator version (epoch milliseconds).
    /// </summary>
    public const ulong SeedVersion = 2; // 2: member-state names in Arabic and French

    private const string SeededBy = "seed";

    /// <summary>Inserts the missing seed rows; returns how many member-state and topic rows were inserted.</summary>
    public async Task<(int MemberStates, int Topics)> SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var memberStates = await SeedTableAsync(
            "member_states",
            ["code", "iso3", "name_ar", "name_en", "name_fr", "status", "source_note", "version", "updated_at", "updated_by"],
            ReferenceDataFiles.MemberStates().Select(m => (m.Code,
                new object[] { m.Code, m.Iso3, NameIn(m.Code, "ar"), m.NameEn, NameIn(m.Code, "fr"), m.Status, m.SourceNote, SeedVersion, now, SeededBy })),
            cancellationToken).ConfigureAwait(false);
        var topics = await SeedTableAsync(
            "topics",
            ["code", "name_ar", "name_en", "name_fr", "sort_order", "version", "updated_at", "updated_by"],
            ReferenceDataFiles.Topics().Select(t => (t.Code,
                new object[] { t.Code, t.NameAr, t.NameEn, t.NameFr, t.SortOrder, SeedVersion, now, SeededBy })),
            cancellationToken).ConfigureAwait(false);
        return (memberStates, topics);
    }

    private static string NameIn(string code, string language) =>
        ReferenceDataFiles.CountryNames().TryGetValue(code, out var name) ? name.In(language) : "";

    private async Task<int> SeedTableAsync(
        string table, string[] columns, IEnumerable<(string Code, object[] Row)> seed, CancellationToken cancellationToken)
    {
        var database = options.Value.Database;
        var versions = new Dictionary<string, ulong>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
            $"SELECT code, max(version) FROM {database}.{table} GROUP BY code",
            options: QueryPurpose.Options($"reference-seed-read-{table}"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                versions[reader.GetString(0)] = Convert.ToUInt64(reader.GetValue(1), null);
            }
        }

        var missing = seed
            .Where(s => !versions.TryGetValue(s.Code, out var version) || version < SeedVersion)
            .Select(s => s.Row)
            .ToList();
        if (missing.Count > 0)
        {
            await client.InsertBinaryAsync(table, columns, missing, QueryPurpose.Insert($"reference-seed-{table}", database), cancellationToken)
                .ConfigureAwait(false);
        }
        return missing.Count;
    }
}
