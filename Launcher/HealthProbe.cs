using System.Diagnostics;
using System.Net;

namespace Icesco.Insights.Launcher;

/// <summary>Waits until a service's <c>/health</c> answers 200 (every check ready), or says why not.</summary>
internal static class HealthProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task WaitAsync(ChildService service, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(baseUrl, "health");
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < Deadline)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"{service.Name} exited before its /health was OK (its output above says why).");
            }

            try
            {
                using var response = await http.GetAsync(health, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "no answer within 5 s";
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{service.Name} was not healthy within {Deadline.TotalMinutes:F0} min at {health} (last: {last}).");
    }
}
