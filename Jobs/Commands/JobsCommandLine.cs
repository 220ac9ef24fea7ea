using System.Runtime.InteropServices;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// The Jobs executable's commands. Without arguments, or with only settings (<c>--Section:Key=value</c>,
/// <c>--urls …</c>), it runs as the service; a first argument that is a word selects a command.
/// </summary>
public static class JobsCommandLine
{
    /// <summary>The executable's name, as usage lines show it.</summary>
    public const string ProgramName = "Icesco.Insights.Jobs";

    /// <summary>Every command, in the order <c>--help</c> lists them. A new command is one class and one line here.</summary>
    public static IReadOnlyList<JobsCommand> Commands { get; } =
    [
        new BackfillCommand(),
        new ReportCommand(),
        new RetentionCommand(),
        new MigrateCommand(),
    ];

    /// <summary>
    /// For <c>Program.cs</c>: runs the command <paramref name="args"/> name (or prints help) and sets the exit code;
    /// false when the arguments are the service's. Ctrl-C or SIGTERM cancels the command; a second Ctrl-C kills it.
    /// </summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!IsCommandLine(args))
        {
            return false;
        }
        using var cancel = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Cancel(signal, cancel));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Cancel(signal, cancel));
        Environment.ExitCode = await RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="args"/> ask for a command or help rather than the service. Settings keep meaning
    /// the service (<c>--key value</c>, <c>--key=value</c>, <c>key=value</c>), so hosts and test factories that
    /// pass them are unaffected.
    /// </summary>
    public static bool IsCommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0
            && (CommandArguments.IsHelp(args[0]) || args[0] == "help"
                || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));
    }

    /// <summary>Runs a command line for which <see cref="IsCommandLine"/> holds; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (CommandArguments.IsHelp(args[0]) || args[0] == "help")
        {
            CommandHelp.WriteOverview(output, Commands);
            return ExitCodes.Success;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}.").ConfigureAwait(false);
            await error.WriteLineAsync($"Run '{ProgramName} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        CommandArguments arguments;
        CommandWork work;
        try
        {
            arguments = CommandArguments.Parse(command, [.. args.Skip(1)]);
            if (arguments.HelpRequested)
            {
                CommandHelp.Write(output, command);
                return ExitCodes.Success;
            }
            work = command.Bind(arguments);
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await error.WriteLineAsync($"Run '{ProgramName} {command.Name} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        return await CommandHost.RunAsync(command, arguments.Configuration, work, output, error, cancellationToken).ConfigureAwait(false);
    }

    private static void Cancel(PosixSignalContext signal, CancellationTokenSource cancel)
    {
        if (cancel.IsCancellationRequested)
        {
            return; // a second Ctrl-C: the default, end the process now
        }
        signal.Cancel = true;
        cancel.Cancel();
    }
}
