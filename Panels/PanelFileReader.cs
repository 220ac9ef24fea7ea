using System.Text.Json;

namespace Icesco.Insights.Panels;

/// <summary>Reads one definitions file: JSON, then the schema, then the rules of <see cref="PanelRules"/>.</summary>
internal static class PanelFileReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The board in <paramref name="file"/>, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static PanelBoard? Read(string file, PanelSchema schema, List<string> errors)
    {
        var name = Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            errors.Add($"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
            return null;
        }

        using (document)
        {
            var violations = schema.Check(document.RootElement);
            if (violations.Count > 0)
            {
                errors.AddRange(violations.Select(v => $"{name}: {v}"));
                return null;
            }
            var board = document.RootElement.Deserialize<BoardFile>(Json)
                ?? throw new InvalidOperationException($"{name}: the schema accepted a document that reads as null.");
            // Panels without an explicit order keep the order they are written in.
            var panels = board.Panels.Select((p, i) => p.Order == 0 ? p with { Order = i + 1 } : p).ToList();
            var result = new PanelBoard(board.Board, board.Title, panels, name);
            PanelRules.CheckBoard(result, errors);
            return result;
        }
    }

    private sealed record BoardFile(string Board, LocalizedText Title, IReadOnlyList<PanelDefinition> Panels);
}
