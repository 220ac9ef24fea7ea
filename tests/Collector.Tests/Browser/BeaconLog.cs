using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Icesco.Insights.Collector.Tests.Browser;

/// <summary>Every event the page posts to the Collector, as the browser sent it (body and content type).</summary>
public sealed class BeaconLog
{
    private readonly ConcurrentQueue<(JsonElement Body, string? ContentType)> sent = new();

    private BeaconLog()
    {
    }

    /// <summary>
    /// Watches through a route, not the request event: Chromium does not report a beacon's Blob body
    /// to request observers, but an intercepted request carries it. The request then goes on to the Collector.
    /// </summary>
    public static async Task<BeaconLog> AttachAsync(IPage page)
    {
        var log = new BeaconLog();
        await page.RouteAsync("**/api/v1/events", async route =>
        {
            var request = route.Request;
            if (request.Method == "POST" && request.PostData is { } body)
            {
                request.Headers.TryGetValue("content-type", out var contentType);
                log.sent.Enqueue((JsonDocument.Parse(body).RootElement.Clone(), contentType));
            }

            await route.ContinueAsync();
        });
        return log;
    }

    public IReadOnlyList<(JsonElement Body, string? ContentType)> Sent => sent.ToArray();

    public IEnumerable<JsonElement> OfType(string type) => Sent.Select(s => s.Body).Where(b => b.GetProperty("type").GetString() == type);

    public Task<JsonElement> FirstAsync(string type) =>
        Infrastructure.Eventually.UntilAsync(
            () => Task.FromResult(OfType(type).FirstOrDefault()),
            body => body.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(15),
            $"a {type} event posted to the Collector");
}
