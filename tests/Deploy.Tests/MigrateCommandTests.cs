using Icesco.Insights.Jobs.Commands;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>The compose file's one-shot <c>migrate</c> step is a command of the Jobs executable.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public void The_compose_migrate_step_runs_a_jobs_command()
    {
        var command = (string)((List<object>)ComposeFile.Default.Service("migrate")["command"])[0];
        Assert.Contains(JobsCommandLine.Commands, c => c.Name == command && c is MigrateCommand);
        Assert.True(JobsCommandLine.IsCommandLine([command]));
    }

    [Fact]
    public async Task Its_help_says_what_it_does_without_touching_clickhouse()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await JobsCommandLine.RunAsync(["migrate", "--help"], output, error, CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains("Usage: Icesco.Insights.Jobs migrate", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }
}
