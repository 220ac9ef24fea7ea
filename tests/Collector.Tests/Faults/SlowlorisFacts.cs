using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// Clients that send their request headers one byte a second, against the Collector's real Kestrel sockets (a
/// process of its own: the in-memory test server has none): each is cut within <c>Ingestion:RequestHeadersTimeout</c>,
/// and a normal client is served while they hang on.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SlowlorisFacts(EngineFixture engine) : IDisposable
{
    public const string Area = "Slowloris and oversize";
    private const int SlowClients = 10;
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(2);

    // Kestrel checks its timeouts on a one-second heartbeat; the rest is room for a busy machine.
    private static readonly TimeSpan CutDeadline = HeadersTimeout + TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo log = Directory.CreateTempSubdirectory("icesco-slowloris-");

    [Fact]
    public async Task Clients_sending_headers_a_byte_a_second_are_cut_within_the_headers_timeout_while_a_normal_client_is_served()
    {
        await using var collector = await CollectorProcess.StartAsync(
            engine.Server.ConnectionString, "l_" + Guid.NewGuid().ToString("N")[..12], log.FullName,
            new Dictionary<string, string> { ["Ingestion:RequestHeadersTimeout"] = HeadersTimeout.ToString("c", CultureInfo.InvariantCulture) });

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(EventLoad.BrowserAgent);
        Assert.Equal(HttpStatusCode.Accepted, await BeaconAsync(http, collector)); // the first request pays for JIT, not the one below

        var slow = Enumerable.Range(0, SlowClients).Select(_ => SlowClientAsync(collector.Endpoint)).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.Accepted, await BeaconAsync(http, collector));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(collector.Endpoint, "alive"))).StatusCode);
        Assert.All(slow, s => Assert.False(s.IsCompleted, "a slow client was cut before the ordinary one was served: the test proves nothing"));

        var cuts = await Task.WhenAll(slow);
        Assert.All(cuts, cut =>
        {
            Assert.True(cut.Elapsed >= HeadersTimeout - TimeSpan.FromMilliseconds(100), $"cut after {cut.Elapsed}, before the headers timeout: by something else");
            Assert.True(cut.Elapsed <= CutDeadline, $"cut after {cut.Elapsed}, past {CutDeadline}");
            Assert.True(cut.BytesSent < Request.Length, "the slow client sent its whole request: nothing was cut");
            Assert.StartsWith("HTTP/1.1 408", cut.Answer, StringComparison.Ordinal);
        });

        var longest = cuts.Max(c => c.Elapsed);
        new ReliabilityFigure(
            Area,
            $"{SlowClients} clients sending request headers one byte a second; Ingestion:RequestHeadersTimeout {HeadersTimeout.TotalSeconds:F0} s",
            SlowClients,
            $"{cuts.Length} of {SlowClients} cut with 408; a beacon from a normal client answered 202 meanwhile",
            string.Create(CultureInfo.InvariantCulture, $"time to cut: median {cuts.Select(c => c.Elapsed.TotalSeconds).Order().ElementAt(cuts.Length / 2):F1} s, max {longest.TotalSeconds:F1} s")).Record();
    }

    public void Dispose() => log.Delete(recursive: true);

    private static async Task<HttpStatusCode> BeaconAsync(HttpClient http, CollectorProcess collector)
    {
        using var content = new StringContent($$"""{"type":"pageview","event_id":"{{Guid.NewGuid()}}","url":"https://www.icesco.org/en/"}""", Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri(collector.Endpoint, "api/v1/events"), content);
        return response.StatusCode;
    }

    private sealed record Cut(TimeSpan Elapsed, int BytesSent, string Answer);

    // Long enough that, at a byte a second, it would never finish within the deadline.
    private static readonly byte[] Request = Encoding.ASCII.GetBytes(
        "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + EventLoad.BrowserAgent + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}");

    /// <summary>Sends <see cref="Request"/> a byte a second until the server ends the connection; how long that took.</summary>
    private static async Task<Cut> SlowClientAsync(Uri collector)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, collector.Port);
        var clock = Stopwatch.StartNew();
        var answer = ReadUntilClosedAsync(socket, clock);
        var sent = 0;
        while (!answer.IsCompleted && sent < Request.Length && clock.Elapsed < CutDeadline + TimeSpan.FromSeconds(5))
        {
            try
            {
                sent += await socket.SendAsync(Request.AsMemory(sent, 1), SocketFlags.None);
            }
            catch (SocketException)
            {
                break; // the server closed its side: the read below says when
            }

            await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var (text, closedAfter) = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        return new Cut(closedAfter, sent, text);
    }

    /// <summary>Reads whatever the server says (Kestrel answers 408 before closing) until it closes or resets.</summary>
    private static async Task<(string Text, TimeSpan ClosedAfter)> ReadUntilClosedAsync(Socket socket, Stopwatch clock)
    {
        var received = new StringBuilder();
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            received.Append("[reset]");
        }

        return (received.ToString(), clock.Elapsed);
    }
}
