using System.Collections.Concurrent;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Storage.Tests;

/// <summary>The driver's own log lines, through the factory the services hand it, against the real engine.</summary>
[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class CancelledQueryLoggingFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task A_query_cancelled_by_its_caller_is_logged_at_debug_not_as_a_failure()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Message)>();
        using var client = Client(lines);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteScalarAsync("SELECT sleepEachRow(1) FROM numbers(3)", cancellationToken: cancel.Token));

        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Message.Contains("failed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_query_the_engine_refuses_is_still_logged_as_an_error()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Message)>();
        using var client = Client(lines);

        await Assert.ThrowsAnyAsync<Exception>(() => client.ExecuteScalarAsync("SELECT no_such_column FROM system.one"));

        Assert.Contains(lines, l => l.Level == LogLevel.Error && l.Message.Contains("failed", StringComparison.Ordinal));
    }

    private ClickHouseClient Client(ConcurrentQueue<(LogLevel, string)> lines)
    {
        var logs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Recording(lines)));
        return new ClickHouseClient(new ClickHouseClientSettings(clickHouse.ConnectionString) { LoggerFactory = new CancelledQueryLoggerFactory(logs) });
    }

    private sealed class Recording(ConcurrentQueue<(LogLevel, string)> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
