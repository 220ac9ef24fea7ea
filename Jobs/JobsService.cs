namespace Icesco.Insights.Jobs;

/// <summary>
/// Names the Jobs assembly for <c>WebApplicationFactory&lt;TEntryPoint&gt;</c>: all three
/// services compile a global <c>Program</c>, so tests that reference them all cannot name it.
/// </summary>
public sealed class JobsService
{
    private JobsService()
    {
    }
}
