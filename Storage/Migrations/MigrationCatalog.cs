using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>Reads the numbered <c>.sql</c> files embedded in this assembly, in order.</summary>
internal static partial class MigrationCatalog
{
    private const string Prefix = "Migrations/";

    public static IReadOnlyList<Migration> Load() => Load(typeof(MigrationCatalog).Assembly);

    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var name = resource[Prefix.Length..];
            var match = FileName().Match(name);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file '{name}' must be named NNNN_description.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration resource '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migration files share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex("^([0-9]{4})_[a-z0-9_]+\\.sql$")]
    private static partial Regex FileName();
}
