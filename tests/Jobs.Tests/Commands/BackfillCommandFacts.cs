using System.Text.RegularExpressions;
using ClickHouse.Driver;
using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Jobs.Tests.Infrastructure;
using Icesco.Insights.Jobs.Tests.Trends;

namespace Icesco.Insights.Jobs.Tests.Commands;

/// <summary>The backfill command as an operator runs it, against the embedded engine, on a seeded database of its own.</summary>
[Collection(EngineCollection.Name)]
public sealed partial class BackfillCommandFacts(EngineFixture engine)
{
    private static string AllRows(string database) =>
        "SELECT period_kind, toString(period_start), dimension, dimension_value, views, unique_visitors, ratings, mean_rating, csat, " +
        $"csat_low, csat_high, ratings_per_1000_views, views_change, csat_change, anomaly, small_sample FROM {database}.trends FINAL " +
        "ORDER BY period_kind, period_start, dimension, dimension_value";

    // Weeks 8 and 9 of the seed: Monday 2026-02-23 to Sunday 2026-03-08, 14 days and 2 weeks.
    private async Task<(int Exit, string Output, string Error)> BackfillAsync(TrendsSeed seed, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        output ??= new StringWriter();
        using var error = new StringWriter();
        var exit = await JobsCommandLine.RunAsync(
            ["backfill", "--from", "2026-02-23", "--to", "2026-03-08",
             $"--ClickHouse:ConnectionString={engine.Server.ConnectionString}", $"--ClickHouse:Database={seed.Database}"],
            output, error, cancellationToken);
        return (exit, output.ToString()!, error.ToString());
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        var rows = new List<string>();
        using var reader = await engine.Client.ExecuteReaderAsync(sql);
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private Task<List<string>> PeriodsAsync(string database) => RowsAsync(
        $"SELECT DISTINCT period_kind, toString(period_start) FROM {database}.trends FINAL WHERE dimension = 'topic' ORDER BY 1, 2");

    [Fact]
    public async Task Backfill_stores_the_trends_of_the_range_and_prints_a_line_per_period()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);

        var (exit, output, error) = await BackfillAsync(seed);

        Assert.Equal("", error);
        Assert.Equal(ExitCodes.Success, exit);
        // Days with events: the Mondays and Tuesdays (views) and Wednesdays (ratings) of both weeks.
        Assert.Equal(
            ["day 2026-02-23", "day 2026-02-24", "day 2026-02-25", "day 2026-03-02", "day 2026-03-03", "day 2026-03-04", "week 2026-02-23", "week 2026-03-02"],
            await PeriodsAsync(seed.Database));

        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            $"Trends backfill 2026-02-23 to 2026-03-08 (Africa/Casablanca) in database {seed.Database}: 14 days and 2 ISO weeks, 16 periods.",
            lines[0]);
        var progress = lines[1..^1].Select(l => ProgressLine().Match(l)).ToArray();
        Assert.All(progress, m => Assert.True(m.Success, $"not a progress line: {m.Value}"));
        Assert.Equal(Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), progress.Select(m => m.Groups["n"].Value));
        Assert.Equal("day 2026-02-23", progress[0].Groups["period"].Value);
        Assert.Equal("day 2026-02-26", progress[3].Groups["period"].Value);
        Assert.Equal("0", progress[3].Groups["rows"].Value); // a Thursday without events
        Assert.Equal("week 2026-03-02", progress[^1].Groups["period"].Value);
        var written = progress.Sum(m => int.Parse(m.Groups["rows"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(written, (await RowsAsync($"SELECT count() FROM {seed.Database}.trends FINAL")).Select(int.Parse).Single());
        Assert.Matches(@"^Done: 16 periods, [\d,]+ rows in \d+:\d\d:\d\d\.$", lines[^1]);
    }

    [Fact]
    public async Task Running_the_backfill_twice_leaves_the_same_rows()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);
        var all = AllRows(seed.Database);
        Assert.Equal(ExitCodes.Success, (await BackfillAsync(seed)).Exit);
        var first = await RowsAsync(all);

        Assert.Equal(ExitCodes.Success, (await BackfillAsync(seed)).Exit);

        Assert.NotEmpty(first);
        Assert.Equal(first, await RowsAsync(all));
        // Merged on disk too: the second run replaced the rows rather than adding to them.
        await engine.Client.ExecuteNonQueryAsync($"OPTIMIZE TABLE {seed.Database}.trends FINAL");
        Assert.Equal([first.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], await RowsAsync($"SELECT count() FROM {seed.Database}.trends"));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_backfill_after_the_period_in_progress_and_exits_130()
    {
        await using var seed = await TrendsSeed.CreateAsync(engine);
        using var cancel = new CancellationTokenSource();
        // Ctrl-C pressed while the first progress line is printed, i.e. before the second period starts.
        using var output = new CancelOnLine(" day 2026-02-23 ", cancel);

        var (exit, text, error) = await BackfillAsync(seed, output, cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, exit);
        Assert.Contains("Cancelled after 1/16 periods; those are stored. Run the same command again to finish.", text, StringComparison.Ordinal);
        Assert.Equal("backfill: cancelled.", error.Trim());
        Assert.Equal(["day 2026-02-23"], await PeriodsAsync(seed.Database));
    }

    [GeneratedRegex(@"^\s*(?<n>\d+)/16 (?<period>(day|week) \d{4}-\d\d-\d\d)\s+(?<rows>[\d,]+) rows\s+\d+\.\d\d s   elapsed \d+:\d\d:\d\d   ETA \d+:\d\d:\d\d$")]
    private static partial Regex ProgressLine();

    /// <summary>Output that cancels when a line containing <paramref name="marker"/> is written, as a user pressing Ctrl-C on seeing it.</summary>
    private sealed class CancelOnLine(string marker, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                cancel.Cancel();
            }
        }
    }
}
