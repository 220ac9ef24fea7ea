using Icesco.Insights.Simulator.Cli;

namespace Icesco.Insights.Simulator.Tests.Load;

public sealed class ArgumentsFacts
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("00:01:30", 90)]
    public void Durations_are_read_with_a_unit_or_as_a_time_span(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new Arguments(["--duration", text]).Duration("duration", TimeSpan.Zero));

    [Fact]
    public void An_option_nobody_reads_is_an_error_naming_it()
    {
        var args = new Arguments(["--rate", "10", "--rtae", "5"]);
        Assert.Equal(10.0, args.Parse("rate", 1.0));
        var error = Assert.Throws<ArgumentException>(args.RejectUnknown);
        Assert.Contains("--rtae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_does_not_parse_names_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new Arguments(["--batch=lots"]).Parse("batch", 1));
        Assert.Contains("--batch", error.Message, StringComparison.Ordinal);
    }
}
