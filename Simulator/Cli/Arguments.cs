using System.Globalization;

namespace Icesco.Insights.Simulator.Cli;

/// <summary>
/// <c>--name value</c> pairs and <c>--flag</c>s of one command, each read once by name; an
/// option nobody read, or a value that does not parse, is an error that names the option.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    values[pending] = null;
                }
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    values[arg[2..eq]] = arg[(eq + 1)..];
                    pending = null;
                }
                else
                {
                    pending = arg[2..];
                }
            }
            else if (pending is not null)
            {
                values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }
        if (pending is not null)
        {
            values[pending] = null;
        }
    }

    public bool Flag(string name)
    {
        read.Add(name);
        return values.ContainsKey(name);
    }

    public string? String(string name, string? fallback = null)
    {
        read.Add(name);
        return values.TryGetValue(name, out var value) ? value ?? throw new ArgumentException($"--{name} needs a value.") : fallback;
    }

    public T Parse<T>(string name, T fallback) where T : IParsable<T>
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"--{name} '{text}' is not a valid {typeof(T).Name}.");
    }

    /// <summary>A duration as <c>30s</c>, <c>5m</c>, <c>1h</c> or <c>hh:mm:ss</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }
        var unit = text[^1];
        if (unit is 's' or 'm' or 'h' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromHours(amount) };
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span
            : throw new ArgumentException($"--{name} '{text}' is not a duration (30s, 5m, 1h or hh:mm:ss).");
    }

    /// <summary>Fails on an option no one asked for (a typo would otherwise be silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option {string.Join(", ", unknown.Select(u => "--" + u))}; see --help.");
        }
    }
}
