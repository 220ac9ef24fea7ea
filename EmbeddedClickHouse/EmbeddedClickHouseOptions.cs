using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.EmbeddedClickHouse;

/// <summary>
/// How the embedded ClickHouse endpoint is run: where the engine keeps its data, where it listens,
/// who may use it. Bound from the <c>EmbeddedClickHouse</c> configuration section or the command line.
/// </summary>
public sealed class EmbeddedClickHouseOptions
{
    public const string SectionName = "EmbeddedClickHouse";

    /// <summary>Directory holding the engine's databases. One engine (one path) per process.</summary>
    [Required]
    public string DataPath { get; set; } = Path.Combine(Environment.CurrentDirectory, ".data", "clickhouse");

    /// <summary>Address to bind. Loopback unless an operator says otherwise.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the HTTP interface; 0 picks a free port (see <see cref="EmbeddedClickHouseServer.Endpoint"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8123;

    /// <summary>User name clients must present when <see cref="Password"/> is set.</summary>
    public string User { get; set; } = "default";

    /// <summary>When set, every request must authenticate as <see cref="User"/> with this password.</summary>
    public string? Password { get; set; }

    /// <summary>Engine connections serving requests concurrently (each runs one statement at a time).</summary>
    [Range(1, 256)]
    public int PoolSize { get; set; } = 16;

    /// <summary>An existing <c>libchdb.so</c> to use instead of the cached download (also <c>ICESCO_CHDB_LIBRARY</c>).</summary>
    public string? LibraryPath { get; set; }

    /// <summary>
    /// How much the engine itself logs (clickhouse-local's <c>--log-level</c>: none, fatal, critical, error,
    /// warning, notice, information, debug, trace, test), relayed through the service's logger at each
    /// line's own level.
    /// </summary>
    [AllowedValues("none", "fatal", "critical", "error", "warning", "notice", "information", "debug", "trace", "test",
        ErrorMessage = "EmbeddedClickHouse:LogLevel must be one of none, fatal, critical, error, warning, notice, information, debug, trace, test.")]
    public string LogLevel { get; set; } = "error";

    /// <summary>Largest query text accepted in a request body before its data starts.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxQuerySize { get; set; } = 16 * 1024 * 1024;
}
