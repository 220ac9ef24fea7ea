namespace Icesco.Insights.EmbeddedClickHouse.Engine.Log;

/// <summary>
/// Where and how much the engine logs. The engine writes to a file of its own, never to the console:
/// left alone it prints to a terminal only (raw, at Fatal), so what an operator saw depended on
/// whether a terminal was attached. <see cref="EngineLogRelay"/> carries the file to the service's logger.
/// </summary>
internal sealed record EngineLog(string FilePath, string Level, long StartOffset)
{
    /// <summary>
    /// The log of the engine on <paramref name="dataPath"/>. The file is kept across runs (the engine
    /// rotates it); this run's lines start at <see cref="StartOffset"/>, its length before the engine boots.
    /// </summary>
    public static EngineLog Create(string dataPath, string level)
    {
        var file = new FileInfo(Path.Combine(Path.GetFullPath(dataPath), "log", "engine.log"));
        file.Directory!.Create();
        return new EngineLog(file.FullName, level, file.Exists ? file.Length : 0);
    }

    /// <summary>The lowest level of ours that the engine's <see cref="Level"/> can produce, for the logger's filter.</summary>
    public LogLevel MinimumLevel => Level == "none" ? LogLevel.None : EngineLogLine.LevelOf(Level);

    /// <summary>clickhouse-local style arguments for <c>chdb_connect</c>.</summary>
    public IEnumerable<string> ConnectArguments => [$"--logger.log={FilePath}", $"--log-level={Level}", "--logger.console=0"];
}
