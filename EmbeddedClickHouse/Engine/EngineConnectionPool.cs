using System.Threading.Channels;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// A fixed set of engine connections so requests run concurrently, each on a connection of its own.
/// A connection whose session state could not be restored is closed and replaced on return.
/// </summary>
internal sealed class EngineConnectionPool : IDisposable
{
    private readonly ChdbEngine engine;
    private readonly Channel<EngineConnection> idle;
    private readonly List<EngineConnection> all = [];
    private readonly Lock gate = new();

    public EngineConnectionPool(ChdbEngine engine, int size)
    {
        this.engine = engine;
        idle = Channel.CreateBounded<EngineConnection>(size);
        for (var i = 0; i < size; i++)
        {
            var connection = engine.Connect();
            all.Add(connection);
            idle.Writer.TryWrite(connection);
        }
    }

    public async ValueTask<Lease> RentAsync(CancellationToken cancellationToken)
        => new(this, await idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    private void Return(EngineConnection connection)
    {
        if (connection.Tainted)
        {
            lock (gate)
            {
                all.Remove(connection);
                connection.Dispose();
                connection = engine.Connect();
                all.Add(connection);
            }
        }

        idle.Writer.TryWrite(connection);
    }

    public void Dispose()
    {
        idle.Writer.TryComplete();
        lock (gate)
        {
            foreach (var connection in all)
            {
                connection.Dispose();
            }

            all.Clear();
        }
    }

    /// <summary>A connection on loan to one request.</summary>
    public readonly struct Lease(EngineConnectionPool pool, EngineConnection connection) : IDisposable
    {
        public EngineConnection Connection => connection;

        public void Dispose() => pool.Return(connection);
    }
}
