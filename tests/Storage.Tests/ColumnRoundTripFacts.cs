using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Tests;

/// <summary>
/// Every column type the schema declares goes through the driver's binary insert and comes back
/// equal: UUID, DateTime64(3,'UTC'), DateTime('UTC'), Nullable(DateTime), LowCardinality(String),
/// Array(LowCardinality(String)), String, UInt8/32/64, Float64, Enum8, and the SimpleAggregateFunction
/// columns of the rollups (sum of UInt64/Float64, sumMap of a tuple of arrays).
/// </summary>
[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class ColumnRoundTripFacts(EmbeddedClickHouseFixture clickHouse)
{
    private const string Hostile = "قالت: \"it's\" ; DROP TABLE x; -- \\ \n\t 🙂 '';";
    // Recent: rows older than the raw-event TTL are dropped as soon as they are written.
    private static readonly DateTime Time = Truncate(DateTime.UtcNow.AddMinutes(-5), TimeSpan.TicksPerMillisecond);
    private static readonly DateTime Second = Truncate(Time, TimeSpan.TicksPerMinute);

    public static TheoryData<string> Tables => ["member_states", "topics", "articles", "page_views", "feedback", "schema_migrations", "engagement_by_country_1m"];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Every_column_of_the_table_round_trips_through_the_driver(string table)
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var row = Row(table);

        await clickHouse.Client.InsertBinaryAsync(table, row.Keys, [[.. row.Values]], QueryPurpose.Insert("test-round-trip", options.Database));

        var filter = table == "engagement_by_country_1m" ? "country = 'ZZ'" : table is "member_states" or "topics" ? "code = 'ZZ'" : "1";
        var read = await clickHouse.RowsAsync($"SELECT {string.Join(", ", row.Keys)} FROM {options.Database}.{table} WHERE {filter} AND {Newest(table)}");
        var actual = Assert.Single(read);
        var i = 0;
        foreach (var (column, expected) in row)
        {
            ValueAssert.Equivalent(expected, actual[i++], $"{table}.{column}");
        }
    }

    private static string Newest(string table) => table switch
    {
        "schema_migrations" => "version = 9999",
        _ => "1",
    };

    private static Dictionary<string, object?> Row(string table) => table switch
    {
        "member_states" => new()
        {
            ["code"] = "ZZ", ["iso3"] = "ZZZ", ["name_ar"] = "بلد", ["name_en"] = Hostile, ["name_fr"] = "Pays é",
            ["status"] = "observer", ["source_note"] = Hostile, ["version"] = ulong.MaxValue, ["updated_at"] = Time, ["updated_by"] = "operator",
        },
        "topics" => new()
        {
            ["code"] = "ZZ", ["name_ar"] = "التربية", ["name_en"] = Hostile, ["name_fr"] = "Éducation", ["sort_order"] = (byte)255,
            ["version"] = 42UL, ["updated_at"] = Time, ["updated_by"] = "operator",
        },
        "articles" => new()
        {
            ["article_id"] = "a-1", ["url"] = "https://icesco.org/ar/2025/03/01/x/?q=1&r=';", ["language"] = "ar",
            ["title_ar"] = "عنوان", ["title_en"] = Hostile, ["title_fr"] = "Titre", ["topic"] = "culture",
            ["member_states"] = new[] { "MA", "SA", "" }, ["translation_group"] = "g-1", ["published_at"] = null, ["updated_at"] = Time,
        },
        "page_views" => Event(),
        "feedback" => new(Event()) { ["rating"] = (byte)5, ["rating_scale"] = (byte)5, ["comment"] = Hostile },
        "schema_migrations" => new()
        {
            ["version"] = 9999U, ["name"] = "9999_x.sql", ["checksum"] = new string('a', 64), ["applied_at"] = Time, ["applied_by"] = Hostile,
        },
        "engagement_by_country_1m" => new()
        {
            ["site"] = "icesco.org", ["minute"] = Second, ["country"] = "ZZ", ["views"] = 7UL, ["ratings"] = 2UL,
            ["rating_score_sum"] = 1.5, ["rating_score_sum_squares"] = 1.25,
            ["rating_histogram"] = Tuple.Create(new[] { Tuple.Create((byte)5, (byte)3), Tuple.Create((byte)5, (byte)5) }, new[] { 1UL, 1UL }),
            ["comments"] = 1UL,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private static DateTime Truncate(DateTime time, long ticks) => new(time.Ticks - (time.Ticks % ticks), DateTimeKind.Utc);

    private static Dictionary<string, object?> Event() => new()
    {
        ["event_id"] = Guid.NewGuid(), ["event_time"] = Time, ["received_at"] = Time.AddSeconds(1), ["site"] = "icesco.org",
        ["article_id"] = "a-1", ["url"] = "https://icesco.org/en/x", ["path"] = "/en/x", ["topic"] = "education",
        ["member_states"] = new[] { "MA", "EG" }, ["visitor_hash"] = ulong.MaxValue, ["country"] = "FR", ["language"] = "fr",
        ["device"] = "mobile", ["referrer_host"] = Hostile,
    };
}
