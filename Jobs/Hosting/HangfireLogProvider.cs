using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Icesco.Insights.Jobs.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide, set by whichever host configured Hangfire last. When that
/// host stops while another still runs (several hosts in one test process), its logger factory is
/// disposed; then Hangfire logs nowhere instead of failing the other host's requests and jobs.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception) => false;
    }
}
