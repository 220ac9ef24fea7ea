using System.Globalization;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// A command's arguments once parsed: its declared options, and <c>--Section:Key=value</c> settings that go
/// to the configuration like the service's own command-line overrides. Anything else is refused with a message.
/// </summary>
public sealed class CommandArguments
{
    /// <summary>Host settings accepted without a colon, as the service's command line accepts them.</summary>
    private static readonly string[] HostSettings = ["environment", "contentRoot"];

    private readonly Dictionary<string, string?> values;

    private CommandArguments(Dictionary<string, string?> values, IReadOnlyList<string> configuration, bool helpRequested)
    {
        this.values = values;
        Configuration = configuration;
        HelpRequested = helpRequested;
    }

    /// <summary>Settings for the configuration, each as <c>--Section:Key=value</c>.</summary>
    public IReadOnlyList<string> Configuration { get; }

    /// <summary>Whether <c>--help</c> or <c>-h</c> was given; then nothing else was checked.</summary>
    public bool HelpRequested { get; }

    /// <summary>Whether <c>--help</c>, <c>-h</c> or <c>-?</c>.</summary>
    public static bool IsHelp(string argument) => argument is "--help" or "-h" or "-?";

    /// <summary>Parses <paramref name="arguments"/> (those after the command's name) against the command's options.</summary>
    public static CommandArguments Parse(JobsCommand command, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        // Help wins over mistakes elsewhere on the line: it is what someone unsure of the syntax asks for.
        if (arguments.Any(IsHelp))
        {
            return new([], [], helpRequested: true);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new CommandLineException($"Unexpected argument '{argument}'.");
            }
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            var inline = equals < 0 ? null : argument[(equals + 1)..];

            if (IsSetting(name[2..]))
            {
                configuration.Add($"{name}={inline ?? NextValue(arguments, ref i, name, "VALUE")}");
                continue;
            }
            var option = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new CommandLineException(
                    $"Unknown option '{name}' for {command.Name} (options: {string.Join(", ", command.Options.Select(o => o.Name))}).");
            if (values.ContainsKey(name))
            {
                throw new CommandLineException($"{name} is given twice.");
            }
            if (option.ValueName is null && inline is not null)
            {
                throw new CommandLineException($"{name} takes no value.");
            }
            values[name] = option.ValueName is null ? null : inline ?? NextValue(arguments, ref i, name, option.ValueName);
        }

        var missing = command.Options.Where(o => o.Required && !values.ContainsKey(o.Name)).Select(o => o.Usage).ToArray();
        if (missing.Length > 0)
        {
            throw new CommandLineException($"Missing {string.Join(" and ", missing)}.");
        }
        return new(values, configuration, helpRequested: false);
    }

    /// <summary>Whether the flag or option <paramref name="name"/> was given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The value of option <paramref name="name"/>, or null when it was not given.</summary>
    public string? Value(string name) => values.GetValueOrDefault(name);

    /// <summary>The value of option <paramref name="name"/> as a day, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly Date(string name)
    {
        var text = Value(name) ?? throw new CommandLineException($"Missing {name} DATE.");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandLineException($"{name} '{text}' is not a date: use yyyy-MM-dd, e.g. 2026-01-05.");
    }

    // Configuration keys have sections ("ClickHouse:Database"); options of commands never contain a colon.
    private static bool IsSetting(string key) =>
        key.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static string NextValue(IReadOnlyList<string> arguments, ref int i, string name, string valueName)
    {
        if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException($"{name} needs a value ({valueName}).");
        }
        return arguments[++i];
    }
}
