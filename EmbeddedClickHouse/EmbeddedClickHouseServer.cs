namespace Icesco.Insights.EmbeddedClickHouse;

/// <summary>
/// The embedded ClickHouse endpoint hosted in the current process: the real engine (chDB) behind the
/// part of ClickHouse's HTTP interface that ClickHouse.Driver uses. One per process.
/// </summary>
public sealed partial class EmbeddedClickHouseServer : IAsyncDisposable
{
    /// <summary>Base address of the HTTP interface, e.g. <c>http://127.0.0.1:8123/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A ClickHouse.Driver connection string for <see cref="Endpoint"/> (no database).</summary>
    public string ConnectionString { get; private set; } = null!;
}

public sealed partial class EmbeddedClickHouseServer
{
    /// <summary>
    /// Obtains the engine library (downloading it once, with progress, if needed), boots the engine on
    /// <see cref="EmbeddedClickHouseOptions.DataPath"/> and starts serving HTTP.
    /// </summary>
    public static Task<EmbeddedClickHouseServer> StartAsync(EmbeddedClickHouseOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("under construction");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
