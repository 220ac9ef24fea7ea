using Icesco.Insights.Jobs.Commands;

namespace Icesco.Insights.Jobs.Tests.Commands;

/// <summary>The command line of the Jobs executable, without ClickHouse: every case here ends before any work starts.</summary>
public sealed class CommandLineFacts
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await JobsCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("")]
    [InlineData("--ClickHouse:Database=other")]
    [InlineData("--urls http://127.0.0.1:5099")]
    [InlineData("--environment=Development --contentRoot=/tmp")]
    [InlineData("Jobs:Storage=Redis")]
    public void No_arguments_or_only_settings_run_the_service(string args)
    {
        Assert.False(JobsCommandLine.IsCommandLine(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("backfill")]
    [InlineData("bakfill")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void A_word_or_a_help_request_first_is_a_command_line(string first)
    {
        Assert.True(JobsCommandLine.IsCommandLine([first, "--from", "2026-01-05"]));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_how_settings_are_given(string help)
    {
        var (exit, output, error) = await RunAsync(help);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        // Every command on a line of its own, summaries aligned after the longest name.
        Assert.All(JobsCommandLine.Commands, c => Assert.Contains(Lines(output), l => l.StartsWith(c.Name + " ", StringComparison.Ordinal) && l.EndsWith(" " + c.Summary, StringComparison.Ordinal)));
        Assert.Contains(Lines(output), l => System.Text.RegularExpressions.Regex.IsMatch(l, "^backfill +Compute trends for every day and ISO week of a date range$"));
        Assert.Contains("Icesco.Insights.Jobs COMMAND [options] [--Section:Key=value …]", output, StringComparison.Ordinal);
        Assert.Contains("--ClickHouse:ConnectionString=", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 1 failed, 2 bad arguments, 130 cancelled (Ctrl-C).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backfill", "--help")]
    [InlineData("backfill", "--from", "2026-01-05", "-h")]
    [InlineData("backfill", "--from", "not-a-date", "--help")]
    public async Task Backfill_help_shows_its_usage_and_options_even_beside_other_arguments(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        var lines = Lines(output);
        Assert.Equal("Usage: Icesco.Insights.Jobs backfill --from DATE --to DATE [--Section:Key=value …]", lines[0]);
        Assert.Contains("--from DATE  first day, yyyy-MM-dd (a local day in Trends:TimeZone)", lines);
        Assert.Contains("--to DATE    last day, yyyy-MM-dd, included", lines);
        Assert.Contains("--help, -h   show this help", lines);
    }

    [Theory]
    [InlineData("--from 2026-1-5 --to 2026-03-01", "--from '2026-1-5' is not a date: use yyyy-MM-dd, e.g. 2026-01-05.")]
    [InlineData("--from 2026-01-05 --to 2026-02-30", "--to '2026-02-30' is not a date: use yyyy-MM-dd, e.g. 2026-01-05.")]
    [InlineData("--from 05/01/2026 --to 2026-03-01", "--from '05/01/2026' is not a date: use yyyy-MM-dd, e.g. 2026-01-05.")]
    [InlineData("--from 2026-03-01 --to 2026-01-05", "--to 2026-01-05 is before --from 2026-03-01.")]
    [InlineData("--form 2026-01-05 --to 2026-03-01", "Unknown option '--form' for backfill (options: --from, --to).")]
    [InlineData("--from 2026-01-05 --to 2026-03-01 --dry-run", "Unknown option '--dry-run' for backfill (options: --from, --to).")]
    [InlineData("--from 2026-01-05", "Missing --to DATE.")]
    [InlineData("", "Missing --from DATE and --to DATE.")]
    [InlineData("--from", "--from needs a value (DATE).")]
    [InlineData("--from --to 2026-03-01", "--from needs a value (DATE).")]
    [InlineData("--from 2026-01-05 --to 2026-03-01 --from 2026-01-06", "--from is given twice.")]
    [InlineData("2026-01-05 2026-03-01", "Unexpected argument '2026-01-05'.")]
    [InlineData("--from 2026-01-05 --to 2026-03-01 --ClickHouse:Database", "--ClickHouse:Database needs a value (VALUE).")]
    public async Task Bad_backfill_arguments_exit_2_with_a_message_naming_the_problem(string arguments, string message)
    {
        var (exit, output, error) = await RunAsync(["backfill", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Equal([message, "Run 'Icesco.Insights.Jobs backfill --help' for usage."], Lines(error));
    }

    [Fact]
    public async Task An_unknown_command_exits_2_and_lists_the_commands()
    {
        var (exit, output, error) = await RunAsync("bakfill", "--from", "2026-01-05");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        var names = JobsCommandLine.Commands.Select(c => c.Name).ToArray();
        Assert.Contains("backfill", names);
        Assert.Equal([$"Unknown command 'bakfill'. Commands: {string.Join(", ", names)}.", "Run 'Icesco.Insights.Jobs --help' for usage."], Lines(error));
    }

    [Fact]
    public void Options_are_read_in_either_spelling_and_settings_are_kept_for_the_configuration()
    {
        var arguments = CommandArguments.Parse(new BackfillCommand(),
        [
            "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=8123", "--from=2026-01-05", "--to", "2026-03-01",
            "--ClickHouse:Database", "other", "--environment", "Staging",
        ]);

        Assert.Equal((new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 1)), BackfillCommand.ReadRange(arguments));
        Assert.Equal(
            ["--ClickHouse:ConnectionString=Host=127.0.0.1;Port=8123", "--ClickHouse:Database=other", "--environment=Staging"],
            arguments.Configuration);
        Assert.False(arguments.HelpRequested);
    }

    [Fact]
    public void A_one_day_range_is_accepted()
    {
        var arguments = CommandArguments.Parse(new BackfillCommand(), ["--from", "2026-02-28", "--to", "2026-02-28"]);

        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 28)), BackfillCommand.ReadRange(arguments));
    }

    [Fact]
    public async Task A_bad_setting_exits_1_naming_the_setting_before_any_work()
    {
        var (exit, output, error) = await RunAsync(
            "backfill", "--from", "2026-01-05", "--to", "2026-01-06",
            "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=1", "--Trends:TimeZone=Mars/Olympus_Mons");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal("", output);
        Assert.StartsWith("backfill failed: ", error, StringComparison.Ordinal);
        Assert.Contains("Trends:TimeZone 'Mars/Olympus_Mons' is not a known time zone.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_ClickHouse_exits_1_with_the_error()
    {
        var (exit, output, error) = await RunAsync(
            "backfill", "--from", "2026-01-05", "--to", "2026-01-06", "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=1;Protocol=http");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("Trends backfill 2026-01-05 to 2026-01-06 (Africa/Casablanca)", output, StringComparison.Ordinal);
        Assert.StartsWith("backfill failed: ", error, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error, StringComparison.Ordinal);
    }
}
