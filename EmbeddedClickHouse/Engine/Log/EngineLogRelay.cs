using System.Text;

namespace Icesco.Insights.EmbeddedClickHouse.Engine.Log;

/// <summary>
/// Follows the engine's log file (<see cref="EngineLog.FilePath"/>) on a thread of its own and writes each
/// line through the service's logger at the level the engine gave it, so the engine's messages go where
/// the service's go, filtered and formatted the same way.
/// </summary>
internal sealed partial class EngineLogRelay : IDisposable
{
    // The engine writes a handful of lines a minute at the default level; a short wait between
    // reads at the end of the file costs nothing and keeps the lines close to the queries.
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    private readonly string path;
    private long startOffset;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread thread;
    private int disposed;

    public EngineLogRelay(EngineLog log, ILogger logger)
    {
        path = log.FilePath;
        startOffset = log.StartOffset;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "Engine log relay" };
        thread.Start();
    }

    /// <summary>Relays what is left in the file, then stops; a second call (the server disposed twice) does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        stopping.Cancel();
        thread.Join();
        stopping.Dispose();
    }

    private void Run()
    {
        try
        {
            Follow();
        }
        catch (IOException e)
        {
            // The engine keeps working without its log; say once, loudly, that it is no longer relayed.
            LogRelayStopped(logger, path, e);
        }
    }

    private void Follow()
    {
        EngineLogLine? previous = null;
        while (true)
        {
            using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.Position = Math.Min(startOffset, file.Length);
            startOffset = 0;
            using var reader = new StreamReader(file, Encoding.UTF8);
            while (true)
            {
                var stopRequested = stopping.IsCancellationRequested;
                while (reader.ReadLine() is { } line)
                {
                    previous = EngineLogLine.Parse(line, previous);
                    LogEngineLine(logger, previous.Level, previous.Source, previous.Text);
                }

                if (stopRequested)
                {
                    return;
                }

                // The engine rotates its log by renaming it: once the path names a shorter file than
                // the one read so far, that is the new log, read from its start.
                if (new FileInfo(path) is { Exists: true } current && current.Length < file.Position)
                {
                    break;
                }

                stopping.Token.WaitHandle.WaitOne(IdleWait);
            }
        }
    }

    [LoggerMessage(Message = "{Source}: {Text}")]
    private static partial void LogEngineLine(ILogger logger, LogLevel level, string source, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine's log '{Path}' can no longer be read; its messages are not relayed")]
    private static partial void LogRelayStopped(ILogger logger, string path, Exception exception);
}
