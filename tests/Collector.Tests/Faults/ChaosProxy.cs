using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Icesco.Insights.Collector.Tests.Faults;

/// <summary>
/// A TCP proxy of the tests' own between a client and a server on loopback, switchable at run time:
/// <see cref="Pass"/> forwards; <see cref="Delay"/> delivers every chunk, each way, that long after it was
/// read (a slow link: chunks keep their order and pipeline, so a round trip costs twice the delay);
/// <see cref="Drop"/> resets every open connection and every new one (a server gone, as a client sees it).
/// </summary>
internal sealed class ChaosProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint upstream;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly Task accepting;
    private long delayTicks;
    private volatile bool dropping;
    private long resets;

    public ChaosProxy(int upstreamPort)
    {
        upstream = new IPEndPoint(IPAddress.Loopback, upstreamPort);
        listener.Start();
        accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections reset by <see cref="Drop"/>, open ones and new ones.</summary>
    public long Resets => Interlocked.Read(ref resets);

    /// <summary>Forwards as it reads; chunks already delayed still arrive when due.</summary>
    public void Pass()
    {
        Interlocked.Exchange(ref delayTicks, 0);
        dropping = false;
    }

    /// <summary>Every chunk read from now on is delivered <paramref name="latency"/> later.</summary>
    public void Delay(TimeSpan latency)
    {
        Interlocked.Exchange(ref delayTicks, latency.Ticks);
        dropping = false;
    }

    /// <summary>Resets the open connections now and every new one until <see cref="Pass"/> or <see cref="Delay"/>.</summary>
    public void Drop()
    {
        dropping = true;
        foreach (var socket in open.Keys)
        {
            Reset(socket);
            Interlocked.Increment(ref resets);
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            open[client] = 0;
            try
            {
                if (dropping)
                {
                    Reset(client);
                    Interlocked.Increment(ref resets);
                    return;
                }

                await server.ConnectAsync(upstream, stop.Token);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var up = PumpAsync(client, server, done.Token);
                var down = PumpAsync(server, client, done.Token);
                var first = await Task.WhenAny(up, down);
                if (first.IsFaulted)
                {
                    Reset(client); // a side reset (or Drop did): the client must not take it for a clean end
                }

                await done.CancelAsync();
                await Task.WhenAll(up, down).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // The server refused the connection, or the proxy is stopping: the client sees a reset, as it would without us.
                Reset(client);
            }
            finally
            {
                open.TryRemove(client, out _);
            }
        }
    }

    /// <summary>Copies one direction; with a delay, a reader stamps each chunk and a writer sends it when due.</summary>
    private async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateUnbounded<(long Due, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteAsync(chunks.Reader, to, cancellationToken);
        try
        {
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                var due = Stopwatch.GetTimestamp() + (long)(TimeSpan.FromTicks(Interlocked.Read(ref delayTicks)).TotalSeconds * Stopwatch.Frequency);
                chunks.Writer.TryWrite((due, buffer[..read]));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await writing;
        to.Shutdown(SocketShutdown.Send); // the far side's end of stream, passed on once what came before it is delivered
    }

    private static async Task WriteAsync(ChannelReader<(long Due, byte[] Bytes)> chunks, Socket to, CancellationToken cancellationToken)
    {
        await foreach (var (due, bytes) in chunks.ReadAllAsync(cancellationToken))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await to.SendAsync(bytes, SocketFlags.None, cancellationToken);
        }
    }

    /// <summary>An abortive close: linger 0 sends RST, so the peer sees "connection reset", not a clean end.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // already closed by its pump: nothing left to reset
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        Drop();
        stop.Dispose();
    }
}
