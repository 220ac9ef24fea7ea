using System.Text.Json;
using System.Text.Unicode;

namespace Icesco.Insights.Collector.Ingestion.Validation;

/// <summary>
/// Splits a request body into its event objects: one object, or an array of them. The bytes are
/// read by <see cref="JsonDocument"/>, which rejects malformed JSON; invalid UTF-8 is told apart
/// so the client learns which rule it broke.
/// </summary>
public static class EventBodyParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Parses <paramref name="body"/>; on failure <paramref name="error"/> names the rule.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, int maxEvents, out Violation? error)
    {
        error = null;
        if (!Utf8.IsValid(body.Span))
        {
            error = new Violation(0, "body", Rules.Utf8, "The body is not valid UTF-8.");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            error = new Violation(0, "body", Rules.JsonSyntax, $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }

        var root = document.RootElement;
        error = root.ValueKind switch
        {
            JsonValueKind.Object => null,
            JsonValueKind.Array when root.GetArrayLength() == 0 => new Violation(0, "events", Rules.NotEmpty, "The batch holds no event."),
            JsonValueKind.Array when root.GetArrayLength() > maxEvents => new Violation(0, "events", Rules.BatchSize, $"A batch holds at most {maxEvents} events; this one holds {root.GetArrayLength()}."),
            JsonValueKind.Array => null,
            _ => new Violation(0, "body", Rules.Type, "The body must be an event object or an array of event objects."),
        };
        if (error is not null)
        {
            document.Dispose();
            return null;
        }
        return document;
    }
}
