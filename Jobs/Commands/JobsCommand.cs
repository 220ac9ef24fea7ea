namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// One command of the Jobs executable, <c>Icesco.Insights.Jobs NAME [options]</c>: a job run once from a
/// terminal with the service's configuration, without Hangfire or Kestrel. Register it in <see cref="JobsCommandLine.Commands"/>.
/// </summary>
public abstract class JobsCommand
{
    /// <summary>The word that selects the command.</summary>
    public abstract string Name { get; }

    /// <summary>One line for the command list of <c>--help</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>The options the command accepts (besides <c>--help</c> and <c>--Section:Key=value</c> settings).</summary>
    public virtual IReadOnlyList<CommandOption> Options => [];

    /// <summary>What else its <c>--help</c> should say, after the options; null for nothing.</summary>
    public virtual string? Remarks => null;

    /// <summary>
    /// Adds what the work needs, as the feature's <c>Add…</c> call does for the service. The ClickHouse client and
    /// options are already registered.
    /// </summary>
    public abstract void AddServices(IHostApplicationBuilder builder);

    /// <summary>
    /// Checks the parsed arguments before anything starts and returns the work to do with them;
    /// throws <see cref="CommandLineException"/> naming what is wrong (exit code 2).
    /// </summary>
    public abstract CommandWork Bind(CommandArguments arguments);
}

/// <summary>
/// The work of a command, run once its host is built: progress to <paramref name="output"/>, failure by
/// exception (exit code 1), cancellation by <paramref name="cancellationToken"/> (Ctrl-C, exit code 130).
/// </summary>
public delegate Task CommandWork(IServiceProvider services, TextWriter output, CancellationToken cancellationToken);

/// <summary>An option of a command: <c>--name VALUE</c> or <c>--name=VALUE</c>; a flag when <paramref name="ValueName"/> is null.</summary>
/// <param name="Name">Spelled with its dashes, e.g. <c>--from</c>.</param>
/// <param name="ValueName">How help names the value, e.g. <c>DATE</c>.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Required">Whether the command refuses to run without it.</param>
public sealed record CommandOption(string Name, string? ValueName, string Description, bool Required = false)
{
    /// <summary>The option as help and messages show it: <c>--from DATE</c>.</summary>
    public string Usage => ValueName is null ? Name : $"{Name} {ValueName}";
}

/// <summary>Arguments a command refuses; the message is shown as it is, so it names the option and the rule.</summary>
public sealed class CommandLineException(string message) : Exception(message);
