using Icesco.Insights.Jobs.Trends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Tests.Trends;

public sealed class TrendPeriodFacts
{
    [Theory]
    [InlineData("2026-03-08", "2026-03-02")] // Sunday belongs to the week that began on Monday
    [InlineData("2026-03-02", "2026-03-02")] // Monday starts its own week
    [InlineData("2026-01-01", "2025-12-29")] // Thursday 1 January: ISO week 1 of 2026 begins in 2025
    public void An_ISO_week_starts_on_the_Monday_on_or_before_the_day(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, null), TrendPeriod.Containing(TrendPeriodKind.Week, DateOnly.Parse(day, null)).Start);

    [Fact]
    public void A_Casablanca_day_in_January_is_23_00_to_23_00_UTC()
    {
        // Morocco keeps UTC+1 outside Ramadan: local midnight is 23:00 UTC the day before.
        var zone = new TrendsOptions().ResolveTimeZone();
        var (from, to) = new TrendPeriod(TrendPeriodKind.Day, new DateOnly(2026, 1, 5)).ToUtc(zone);
        Assert.Equal(new DateTime(2026, 1, 4, 23, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 1, 5, 23, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void Shifting_a_week_moves_seven_days() =>
        Assert.Equal(new DateOnly(2026, 2, 23), new TrendPeriod(TrendPeriodKind.Week, new DateOnly(2026, 3, 2)).Shift(-1).Start);

    [Fact]
    public void An_unknown_time_zone_fails_with_the_setting_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Trends:TimeZone"] = "Mars/Olympus_Mons" })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTrends().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrendsOptions>>().Value);
        Assert.Contains("Trends:TimeZone", error.Message, StringComparison.Ordinal);
    }
}
