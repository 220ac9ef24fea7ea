using System.Diagnostics.Metrics;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>The log and its sink over a real directory, without a host; reopen it to simulate a restart.</summary>
internal sealed class LogUnderTest : IAsyncDisposable
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private LogUnderTest(DurableLogOptions options)
    {
        Options = options;
        Log = WriteAheadLog.Open(options, Logger.For<WriteAheadLog>(), new DurableLogMetrics(Meters));
        Sink = new DurableEventSink(Log, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, Logger.For<DurableEventSink>());
    }

    public DurableLogOptions Options { get; }

    public WriteAheadLog Log { get; }

    public DurableEventSink Sink { get; }

    public RecordingLogger Logger { get; } = new();

    public static LogUnderTest Open(string directory, Action<DurableLogOptions>? configure = null)
    {
        var options = new DurableLogOptions { Directory = directory, GroupCommitWindow = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return new LogUnderTest(options);
    }

    public LogUnderTest Reopen()
    {
        Close();
        return new LogUnderTest(Options);
    }

    public ValueTask<SinkResult> AcceptAsync(params CollectedEvent[] events) => Sink.AcceptAsync(events, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        Sink.Dispose();
        Log.Dispose();
    }
}

/// <summary>Keeps log lines so a test can check what an operator would read.</summary>
internal sealed class RecordingLogger
{
    private readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ILogger<T> For<T>() => new Sink<T>(this);

    private void Add(LogLevel level, string message)
    {
        lock (entries)
        {
            entries.Add((level, message));
        }
    }

    private sealed class Sink<T>(RecordingLogger owner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, formatter(state, exception));
    }
}
