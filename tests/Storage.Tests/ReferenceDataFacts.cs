using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.ReferenceData;

namespace Icesco.Insights.Storage.Tests;

[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class ReferenceDataFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task Seeding_twice_leaves_the_same_rows_with_52_confirmed_and_5_uncertain_states()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var seeder = new ReferenceDataSeeder(clickHouse.Client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

        var again = await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal((0, 0), again);
        var db = options.Database;
        Assert.Equal(57L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {db}.member_states"));
        Assert.Equal(52L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {db}.member_states FINAL WHERE status = 'confirmed'"));
        var uncertain = await clickHouse.RowsAsync($"SELECT code FROM {db}.member_states FINAL WHERE status = 'uncertain' ORDER BY code");
        Assert.Equal(["AL", "GY", "KZ", "TM", "TR"], uncertain.Select(r => (string)r[0]));
        Assert.Equal(9L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {db}.topics"));
    }

    [Fact]
    public async Task Every_topic_used_by_the_articles_exists_with_names_in_three_languages()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        // The topics of ../shared/data/articles.jsonl, plus the fallbacks the Collector uses.
        string[] used = ["culture", "education", "heritage", "media_communication", "other", "partnerships_cooperation", "science_technology", "social_human_sciences", "unknown"];

        var rows = await clickHouse.RowsAsync($"SELECT code, name_ar, name_en, name_fr FROM {options.Database}.topics FINAL ORDER BY code");

        Assert.Equal(used, rows.Select(r => (string)r[0]));
        Assert.All(rows, r => Assert.All(r.Skip(1), name => Assert.False(string.IsNullOrWhiteSpace((string)name))));
    }

    [Fact]
    public async Task Every_member_state_has_its_name_in_Arabic_English_and_French()
    {
        var options = await clickHouse.MigratedDatabaseAsync();

        var rows = await clickHouse.RowsAsync($"SELECT code, name_ar, name_en, name_fr FROM {options.Database}.member_states FINAL ORDER BY code");

        Assert.Equal(57, rows.Count);
        Assert.All(rows, r => Assert.All(r.Skip(1), name => Assert.False(string.IsNullOrWhiteSpace((string)name), $"{r[0]} lacks a name")));
        var morocco = Assert.Single(rows, r => (string)r[0] == "MA");
        Assert.Equal(["المغرب", "Morocco", "Maroc"], morocco.Skip(1).Cast<string>());
    }

    [Fact]
    public void Country_names_cover_every_ISO_code_in_three_languages()
    {
        var names = ReferenceDataFiles.CountryNames();

        Assert.True(names.Count >= 249, $"{names.Count} countries");
        Assert.Equal("مصر", names["EG"].In("ar"));
        Assert.Equal("Égypte", names["eg"].In("fr"));
    }

    [Fact]
    public async Task An_operator_correction_survives_reseeding()
    {
        var options = await clickHouse.MigratedDatabaseAsync();
        var db = options.Database;
        var correctedAt = DateTime.UtcNow;
        // What an operator does: insert the row again with a version above any seed (epoch ms).
        await clickHouse.Client.InsertBinaryAsync(
            "member_states",
            ["code", "iso3", "name_ar", "name_en", "name_fr", "status", "source_note", "version", "updated_at", "updated_by"],
            [["TR", "TUR", "تركيا", "Türkiye", "Turquie", "confirmed", "ratification confirmed by the operator", (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), correctedAt, "operator"]],
            QueryPurpose.Insert("test-operator-correction", db));

        await clickHouse.Migrator(options).MigrateAsync(CancellationToken.None);
        await new ReferenceDataSeeder(clickHouse.Client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System).SeedAsync(CancellationToken.None);

        var turkey = Assert.Single(await clickHouse.RowsAsync($"SELECT status, name_fr, updated_by FROM {db}.member_states FINAL WHERE code = 'TR'"));
        Assert.Equal(["confirmed", "Turquie", "operator"], turkey.Select(v => v.ToString()));
        Assert.Equal(53L, await clickHouse.ScalarAsync<long>($"SELECT count() FROM {db}.member_states FINAL WHERE status = 'confirmed'"));
    }
}
