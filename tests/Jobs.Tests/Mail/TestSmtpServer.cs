using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Icesco.Insights.Jobs.Tests.Mail;

/// <summary>A real SMTP server on a free loopback port that keeps every message it accepts, parsed.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<MimeMessage> messages;
    private readonly CancellationTokenSource stop;
    private readonly Task running;

    private TestSmtpServer(int port, ConcurrentQueue<MimeMessage> messages, CancellationTokenSource stop, Task running)
    {
        Port = port;
        this.messages = messages;
        this.stop = stop;
        this.running = running;
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. messages];

    /// <summary>Settings that point the Jobs' mail at this server (plain SMTP: it is on loopback).</summary>
    public Dictionary<string, string?> Settings(string from = "ICESCO Insights <insights@icesco.test>") => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = from,
    };

    public static async Task<TestSmtpServer> StartAsync()
    {
        var messages = new ConcurrentQueue<MimeMessage>();
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new KeepingStore(messages));

        var stop = new CancellationTokenSource();
        var running = new SmtpServerHost(options, services).StartAsync(stop.Token);
        var port = await bound.Task.WaitAsync(Deadline);
        return new TestSmtpServer(port, messages, stop, running);
    }

    /// <summary>Polls until at least <paramref name="count"/> messages arrived; fails after a deadline.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (messages.Count < count)
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} messages arrived within {Deadline}.");
            }
            await Task.Delay(20);
        }
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(Deadline);
        }
        catch (OperationCanceledException)
        {
            // How the server's accept loop ends when it is told to stop.
        }
        stop.Dispose();
    }

    private sealed class KeepingStore(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
