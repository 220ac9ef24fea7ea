using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Jobs.Tests.Commands;

/// <summary><c>migrate --print-ddl</c>: the DDL an operator reviews before migrating a cluster, printed without ClickHouse.</summary>
public sealed class MigrateCommandFacts
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await JobsCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task With_a_cluster_it_prints_the_cluster_ddl_of_every_migration()
    {
        // Nothing listens on this port: printing must not connect.
        var (exit, output, error) = await RunAsync(
            "migrate", "--print-ddl", "--ClickHouse:Cluster=insights", "--ClickHouse:Database=analytics",
            "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=1;Protocol=http");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        Assert.StartsWith("-- Database analytics on cluster insights", output, StringComparison.Ordinal);
        Assert.All(SchemaMigrator.Migrations, m => Assert.Contains($"\n-- {m.Name}\n", output, StringComparison.Ordinal));
        Assert.Contains("CREATE DATABASE IF NOT EXISTS analytics ON CLUSTER insights;", output, StringComparison.Ordinal);
        Assert.Contains("ENGINE = Distributed('insights', 'analytics', 'page_views_local', cityHash64(event_id));", output, StringComparison.Ordinal);
        Assert.Contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/analytics/page_views_local', '{replica}')", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_needs_no_connection_string_but_checks_the_names_it_prints()
    {
        var (exit, output, error) = await RunAsync("migrate", "--print-ddl", "--ClickHouse:Cluster=insights");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        Assert.StartsWith("-- Database icesco_insights on cluster insights", output, StringComparison.Ordinal);

        var (badExit, _, badError) = await RunAsync("migrate", "--print-ddl", "--ClickHouse:Cluster=my-cluster");
        Assert.Equal(ExitCodes.Failure, badExit);
        Assert.Contains("ClickHouse:Cluster must be an identifier", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_cluster_it_prints_the_migrations_as_written()
    {
        var (exit, output, error) = await RunAsync(
            "migrate", "--print-ddl", "--ClickHouse:Database=analytics", "--ClickHouse:ConnectionString=Host=127.0.0.1;Port=1;Protocol=http");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        Assert.StartsWith("-- Database analytics on one server", output, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS analytics.page_views\n(", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ON CLUSTER", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Replicated", output, StringComparison.Ordinal);
    }
}
