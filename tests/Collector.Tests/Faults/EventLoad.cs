using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// A steady stream of page views posted like the website's servers would, remembering the id of
/// every event the Collector answered 202 for: those, and only those, must end up in ClickHouse.
/// </summary>
internal sealed class EventLoad
{
    public const string BrowserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private readonly ConcurrentBag<Guid> accepted = [];
    private int refused;

    public IReadOnlyCollection<Guid> Accepted => accepted;

    public int Refused => refused;

    /// <summary>Posts batches until cancelled; connection errors (a Collector killed) end the loop quietly.</summary>
    public async Task RunAsync(Func<Uri> endpoint, int batchSize, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserAgent);
        while (!cancellationToken.IsCancellationRequested)
        {
            var ids = Enumerable.Range(0, batchSize).Select(_ => Guid.NewGuid()).ToList();
            try
            {
                using var content = new StringContent(Batch(ids), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(endpoint(), "api/v1/events"), content, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    foreach (var id in ids)
                    {
                        accepted.Add(id);
                    }
                }
                else
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(50, CancellationToken.None);
                }
            }
            catch (HttpRequestException)
            {
                // The Collector went away mid-request (killed): no 202, so nothing was promised.
                return;
            }
        }
    }

    public static string Batch(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.Select(id => new Dictionary<string, object>
    {
        ["type"] = "pageview",
        ["event_id"] = id.ToString(),
        ["url"] = "https://www.icesco.org/en/2026/02/19/fault-test/",
        ["language"] = "en",
    }));
}
