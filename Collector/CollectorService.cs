namespace Icesco.Insights.Collector;

/// <summary>
/// Names the Collector assembly for <c>WebApplicationFactory&lt;TEntryPoint&gt;</c>: all three
/// services compile a global <c>Program</c>, so tests that reference them all cannot name it.
/// </summary>
public sealed class CollectorService
{
    private CollectorService()
    {
    }
}
