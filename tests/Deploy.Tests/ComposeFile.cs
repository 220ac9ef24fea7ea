using System.Text.RegularExpressions;
using System.Xml.Linq;
using Icesco.Insights.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>A compose file as plain maps, lists and strings, with its anchors and merge keys (<c>&lt;&lt;</c>) resolved.</summary>
internal sealed partial class ComposeFile
{
    public const string DefaultName = "docker-compose.yml";
    public const string ClusterName = "docker-compose.cluster.yml";

    /// <summary>The images (without tag) of a ClickHouse server and of ClickHouse Keeper.</summary>
    public const string ClickHouseServer = "clickhouse/clickhouse-server";
    public const string ClickHouseKeeper = "clickhouse/clickhouse-keeper";

    /// <summary>The services built from this repository (the one-shot <c>migrate</c> aside).</summary>
    public static readonly string[] AppServices = ["collector", "jobs", "dashboard"];

    private static readonly Dictionary<string, ComposeFile> Files = new(StringComparer.Ordinal)
    {
        [DefaultName] = Load(Path.Combine(RepositoryRoot.Path, DefaultName)),
        [ClusterName] = Load(Path.Combine(RepositoryRoot.Path, ClusterName)),
    };

    private ComposeFile(string text, Dictionary<object, object> root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>One machine: docker-compose.yml.</summary>
    public static ComposeFile Default => Files[DefaultName];

    /// <summary>A ClickHouse cluster: docker-compose.cluster.yml.</summary>
    public static ComposeFile Cluster => Files[ClusterName];

    public string Text { get; }

    public Dictionary<object, object> Root { get; }

    public Dictionary<object, object> Services => Map(Root, "services");

    public IEnumerable<string> ServiceNames => Services.Keys.Cast<string>();

    public static ComposeFile Named(string name) => Files[name];

    public static ComposeFile Load(string path)
    {
        var text = File.ReadAllText(path);
        using var reader = new StringReader(text);
        var parsed = new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader)));
        return new ComposeFile(text, (Dictionary<object, object>)parsed!);
    }

    public Dictionary<object, object> Service(string name) => Map(Services, name);

    public string Image(string service) => (string)Service(service)["image"];

    /// <summary>The services whose image is <paramref name="repository"/> (e.g. <c>clickhouse/clickhouse-server</c>), at any tag.</summary>
    public IReadOnlyList<string> ServicesOf(string repository)
        => [.. ServiceNames.Where(s => Image(s).StartsWith(repository + ":", StringComparison.Ordinal))];

    public Dictionary<string, string> Environment(string service) => Environment(Service(service));

    /// <summary>The condition a service waits for on <paramref name="dependency"/>, or null if it does not wait for it.</summary>
    public string? Condition(string service, string dependency)
        => Service(service).GetValueOrDefault("depends_on") is Dictionary<object, object> dependsOn
           && dependsOn.GetValueOrDefault(dependency) is Dictionary<object, object> on
            ? (string?)on.GetValueOrDefault("condition")
            : null;

    /// <summary>A service's health check command as one line, or null without one.</summary>
    public string? HealthCheck(string service)
        => Service(service).GetValueOrDefault("healthcheck") is Dictionary<object, object> check && check.GetValueOrDefault("test") is List<object> test
            ? string.Join(' ', test.Cast<string>())
            : null;

    /// <summary>A service's mounts (short syntax <c>source:target[:mode]</c>); a host path relative to the repository.</summary>
    public IReadOnlyList<Mount> Mounts(string service)
        => Service(service).GetValueOrDefault("volumes") is List<object> volumes
            ? [.. volumes.Cast<string>().Select(v => v.Split(':')).Select(p => new Mount(p[0], p[1]))]
            : [];

    /// <summary>The XML files bound into a service, parsed.</summary>
    public IReadOnlyList<XDocument> MountedXml(string service)
        => [.. Mounts(service).Where(m => m.IsXmlFile).Select(m => XDocument.Load(m.HostPath))];

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

/// <summary>One mount of a service: a named volume, or a host path (<c>./…</c>, relative to the repository).</summary>
internal sealed record Mount(string Source, string Target)
{
    public bool IsHostPath => Source.StartsWith('.') || Source.StartsWith('/');

    public bool IsXmlFile => IsHostPath && Source.EndsWith(".xml", StringComparison.Ordinal);

    /// <summary>The host path in this repository.</summary>
    public string HostPath => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, Source));
}
