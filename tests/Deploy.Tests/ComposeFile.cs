using System.Text.RegularExpressions;
using Icesco.Insights.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>docker-compose.yml as plain maps, lists and strings, with its anchors and merge keys (<c>&lt;&lt;</c>) resolved.</summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(string text, Dictionary<object, object> root)
    {
        Text = text;
        Root = root;
    }

    public static ComposeFile Default { get; } = Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));

    public string Text { get; }

    public Dictionary<object, object> Root { get; }

    public Dictionary<object, object> Services => Map(Root, "services");

    public static ComposeFile Load(string path)
    {
        var text = File.ReadAllText(path);
        using var reader = new StringReader(text);
        var parsed = new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader)));
        return new ComposeFile(text, (Dictionary<object, object>)parsed!);
    }

    public Dictionary<object, object> Service(string name) => Map(Services, name);

    /// <summary>The variables set in a service's <c>environment</c> (a map or a list of <c>KEY=value</c>).</summary>
    public static Dictionary<string, string> Environment(Dictionary<object, object> service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!service.TryGetValue("environment", out var environment) || environment is null)
        {
            return result;
        }
        if (environment is Dictionary<object, object> map)
        {
            foreach (var (key, value) in map)
            {
                result[(string)key] = value?.ToString() ?? "";
            }
        }
        else
        {
            foreach (var item in (List<object>)environment)
            {
                var line = (string)item;
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                result[equals < 0 ? line : line[..equals]] = equals < 0 ? "" : line[(equals + 1)..];
            }
        }
        return result;
    }

    /// <summary>Every <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:?message}</c> the file interpolates.</summary>
    public IReadOnlySet<string> InterpolatedVariables()
        => Interpolation().Matches(Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The variables the file requires (<c>${VAR:?message}</c>).</summary>
    public IReadOnlySet<string> RequiredVariables()
        => Interpolation().Matches(Text).Where(m => m.Groups[2].Value.StartsWith(":?", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static Dictionary<object, object> Map(Dictionary<object, object> map, string key)
        => map.TryGetValue(key, out var value) && value is Dictionary<object, object> child
            ? child
            : throw new KeyNotFoundException($"'{key}' is not a map here (keys: {string.Join(", ", map.Keys)})");

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?\}")]
    internal static partial Regex Interpolation();
}
