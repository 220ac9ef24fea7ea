namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>The engine and its connection pool, shut down in the order chDB needs: connections first, keeper last.</summary>
internal sealed class EngineHost(ChdbEngine engine, EngineConnectionPool pool) : IDisposable
{
    public ChdbEngine Engine => engine;

    public EngineConnectionPool Pool => pool;

    public void Dispose()
    {
        pool.Dispose();
        engine.Dispose();
    }
}
