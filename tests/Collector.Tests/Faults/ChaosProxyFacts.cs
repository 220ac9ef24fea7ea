using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>The fault proxy itself, over a loopback echo server: what each mode does to the bytes and the connections.</summary>
public sealed class ChaosProxyFacts : IAsyncDisposable
{
    private readonly TcpListener echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task echoing;

    public ChaosProxyFacts()
    {
        echo.Start();
        echoing = Task.Run(EchoAsync);
    }

    private int EchoPort => ((IPEndPoint)echo.LocalEndpoint).Port;

    [Fact]
    public async Task Pass_forwards_the_bytes_both_ways()
    {
        await using var proxy = new ChaosProxy(EchoPort);
        using var client = await ConnectAsync(proxy);
        Assert.Equal("hello", await RoundTripAsync(client, "hello"));
        Assert.Equal("again", await RoundTripAsync(client, "again"));
    }

    [Fact]
    public async Task Delay_holds_each_chunk_back_each_way_so_a_round_trip_costs_twice_the_delay()
    {
        await using var proxy = new ChaosProxy(EchoPort);
        using var client = await ConnectAsync(proxy);
        proxy.Delay(TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();
        Assert.Equal("slow", await RoundTripAsync(client, "slow"));

        // A lower bound only: nothing on a busy machine makes it come back sooner.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(780), $"round trip took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Drop_resets_open_and_new_connections_and_pass_serves_again()
    {
        await using var proxy = new ChaosProxy(EchoPort);
        using var open = await ConnectAsync(proxy);
        Assert.Equal("up", await RoundTripAsync(open, "up"));

        proxy.Drop();
        var reset = await Assert.ThrowsAsync<SocketException>(() => RoundTripAsync(open, "gone"));
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
        // The proxy accepts and resets at once: on a busy machine the reset can arrive before the client sees its
        // connect complete, so the connect or the first round trip fails, either with a reset.
        var refused = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var fresh = await ConnectAsync(proxy);
            await RoundTripAsync(fresh, "gone");
        });
        Assert.Equal(SocketError.ConnectionReset, refused.SocketErrorCode);

        proxy.Pass();
        using var back = await ConnectAsync(proxy);
        Assert.Equal("back", await RoundTripAsync(back, "back"));
        Assert.True(proxy.Resets >= 2);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        echo.Stop();
        await echoing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private static async Task<Socket> ConnectAsync(ChaosProxy proxy)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port));
        return socket;
    }

    /// <summary>Sends a short text and reads until the same number of bytes came back (or the connection ended).</summary>
    private static async Task<string> RoundTripAsync(Socket socket, string text)
    {
        var sent = System.Text.Encoding.ASCII.GetBytes(text);
        await socket.SendAsync(sent, SocketFlags.None);
        var received = new byte[sent.Length];
        var count = 0;
        while (count < received.Length)
        {
            var read = await socket.ReceiveAsync(received.AsMemory(count), SocketFlags.None);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        return System.Text.Encoding.ASCII.GetString(received, 0, count);
    }

    private async Task EchoAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var peer = await echo.AcceptSocketAsync(stop.Token);
            _ = Task.Run(async () =>
            {
                using (peer)
                {
                    var buffer = new byte[1024];
                    int read;
                    while ((read = await peer.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                    {
                        await peer.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                    }
                }
            });
        }
    }
}
