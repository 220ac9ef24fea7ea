namespace Icesco.Insights.Jobs.Commands;

/// <summary>The text of <c>--help</c> and <c>COMMAND --help</c>, built from the commands' declarations.</summary>
internal static class CommandHelp
{
    private const string Settings =
        "Settings are read as the service reads them: appsettings.json and appsettings.{Environment}.json in the\n" +
        "current directory, environment variables (ClickHouse__ConnectionString=…) and --Section:Key=value arguments\n" +
        "(--ClickHouse:ConnectionString=\"Host=127.0.0.1;Port=8123\", --ClickHouse:Database=icesco_insights).";

    public static void WriteOverview(TextWriter output, IReadOnlyList<JobsCommand> commands)
    {
        var width = commands.Max(c => c.Name.Length) + 2;
        output.WriteLine($"{JobsCommandLine.ProgramName}: the trend and report jobs of Icesco.Insights.");
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine($"  {JobsCommandLine.ProgramName} [--Section:Key=value …]            run the service (Hangfire schedule, /health)");
        output.WriteLine($"  {JobsCommandLine.ProgramName} COMMAND [options] [--Section:Key=value …]");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var command in commands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }
        output.WriteLine();
        output.WriteLine(Settings);
        output.WriteLine($"Run '{JobsCommandLine.ProgramName} COMMAND --help' for a command's options.");
        WriteExitCodes(output);
    }

    public static void Write(TextWriter output, JobsCommand command)
    {
        var options = command.Options.Append(new CommandOption("--help, -h", null, "show this help")).ToArray();
        var width = options.Max(o => o.Usage.Length) + 2;
        var required = string.Concat(command.Options.Select(o => o.Required ? $" {o.Usage}" : $" [{o.Usage}]"));
        output.WriteLine($"Usage: {JobsCommandLine.ProgramName} {command.Name}{required} [--Section:Key=value …]");
        output.WriteLine();
        output.WriteLine($"{command.Summary}.");
        output.WriteLine();
        output.WriteLine("Options:");
        foreach (var option in options)
        {
            output.WriteLine($"  {option.Usage.PadRight(width)}{option.Description}");
        }
        if (command.Remarks is { } remarks)
        {
            output.WriteLine();
            output.WriteLine(remarks);
        }
        output.WriteLine();
        output.WriteLine(Settings);
        WriteExitCodes(output);
    }

    private static void WriteExitCodes(TextWriter output) =>
        output.WriteLine($"Exit codes: {ExitCodes.Success} done, {ExitCodes.Failure} failed, {ExitCodes.Usage} bad arguments, {ExitCodes.Cancelled} cancelled (Ctrl-C).");
}
