using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>The services' Dockerfiles, read as text (no Docker engine here to build them).</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Services => new() { "Collector", "Jobs", "Dashboard" };

    [Theory]
    [MemberData(nameof(Services))]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_only(string service)
    {
        var lines = Lines(service);
        var from = lines.Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, from.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 ", from[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 ", from[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal) && l.Contains("-c Release", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Icesco.Insights.{service}.dll", StringComparison.Ordinal) && l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void It_runs_as_a_non_root_user_with_a_health_check_and_listens_on_every_interface(string service)
    {
        var lines = Lines(service);
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain(user[5..].Trim(), new[] { "root", "0", "0:0" });
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/health", StringComparison.Ordinal) && l.Contains("CMD", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Kestrel__Endpoints__Http__Url=http://0.0.0.0:8080", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_data()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/node_modules/", ignored);
        Assert.Contains(".env", ignored);
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined.</summary>
    private static List<string> Lines(string service)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, service, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
