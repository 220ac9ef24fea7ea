using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// The logger factory handed to the ClickHouse driver. The driver logs every query that ends in an
/// exception as an error ("Query … failed."), cancellation included; a query cancelled because the
/// service is stopping or the browser went away is not a failure, so those lines go to Debug.
/// Every other line keeps the level the driver gave it.
/// </summary>
public sealed class CancelledQueryLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new CancelledQueryLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the host's container, which disposes it.
    public void Dispose()
    {
    }

    /// <summary>True for an exception that only says the caller gave up waiting.</summary>
    private static bool IsCancellation(Exception? exception) => exception switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsCancellation),
        _ => false,
    };

    private sealed class CancelledQueryLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel >= LogLevel.Warning && IsCancellation(exception) ? LogLevel.Debug : logLevel;
            if (inner.IsEnabled(level))
            {
                inner.Log(level, eventId, state, exception, formatter);
            }
        }
    }
}
