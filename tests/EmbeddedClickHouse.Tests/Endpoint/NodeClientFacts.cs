using System.Diagnostics;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>A second, independent client — the official Node client — works against the endpoint too.</summary>
[Collection(EmbeddedEngineCollection.Name)]
public sealed class NodeClientFacts(EmbeddedEngineFixture engine)
{
    [Fact]
    public async Task The_official_node_client_creates_inserts_and_selects_with_parameters()
    {
        var directory = Path.Combine(RepositoryRoot.Path, "tests", "node-client");
        Assert.True(
            Directory.Exists(Path.Combine(directory, "node_modules", "@clickhouse", "client")),
            $"Run 'npm ci' in {directory} first (the README's test command does).");
        var start = new ProcessStartInfo("node", ["smoke.mjs", engine.Server.Endpoint.ToString().TrimEnd('/')])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var node = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = node.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = node.StandardError.ReadToEndAsync(deadline.Token);
        await node.WaitForExitAsync(deadline.Token);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await errors}");
        Assert.Contains("\"ok\":true", await output, StringComparison.Ordinal);
    }
}
