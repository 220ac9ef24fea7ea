using System.Text.Json;
using System.Text.Json.Serialization;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>The 202 body's serializer, generated at build: no reflection and no metadata cache on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EventsAccepted))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;

/// <summary>
/// The 202 answer of <c>POST /api/v1/events</c>. A beacon's usual outcomes (one event stored, or one duplicate)
/// are serialized once at start and written as bytes; any other outcome is serialized by the generated context.
/// </summary>
public sealed class AcceptedResponse : IResult
{
    private static readonly IReadOnlyDictionary<string, int> NoneDropped = new Dictionary<string, int>();
    private static readonly AcceptedResponse OneStored = new(Serialize(new EventsAccepted(1, 0, NoneDropped, [])));
    private static readonly AcceptedResponse OneDuplicate = new(Serialize(new EventsAccepted(0, 1, NoneDropped, [])));

    private readonly byte[] body;

    private AcceptedResponse(byte[] body) => this.body = body;

    /// <summary>The answer for these counts; <paramref name="dropped"/> and <paramref name="rejected"/> are often empty.</summary>
    public static AcceptedResponse For(int stored, int duplicates, IReadOnlyDictionary<string, int>? dropped, IReadOnlyList<RejectedEvent> rejected)
    {
        if (dropped is null or { Count: 0 } && rejected.Count == 0)
        {
            switch (stored, duplicates)
            {
                case (1, 0): return OneStored;
                case (0, 1): return OneDuplicate;
            }
        }
        return new AcceptedResponse(Serialize(new EventsAccepted(stored, duplicates, dropped ?? NoneDropped, rejected)));
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status202Accepted;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private static byte[] Serialize(EventsAccepted accepted) =>
        JsonSerializer.SerializeToUtf8Bytes(accepted, EventsJsonContext.Default.EventsAccepted);
}
