namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>An error reported by the engine, with its message as ClickHouse writes it (<c>Code: N. DB::Exception: …</c>).</summary>
internal sealed class EngineException(string message) : Exception(message);
