using System.Text.Json;
using Json.Schema;

namespace Icesco.Insights.Panels;

/// <summary>The JSON schema of the definitions (<c>dashboards/panels.schema.json</c>), evaluated on every file.</summary>
internal sealed class PanelSchema(JsonSchema schema)
{
    public const string FileName = "panels.schema.json";

    public static PanelSchema Load(string path) => new(JsonSchema.FromText(File.ReadAllText(path)));

    /// <summary>One message per violated rule, each with the JSON pointer of the offending value.</summary>
    public IReadOnlyList<string> Check(JsonElement document)
    {
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }
        // A failed oneOf reports every branch; the leaf messages name the actual rule.
        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{Pointer(d.InstanceLocation.ToString())}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string Pointer(string location) => string.IsNullOrEmpty(location) ? "/" : location;
}
