using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Icesco.Insights.Storage.Migrations.Topology;

namespace Icesco.Insights.Storage.Tests;

/// <summary>
/// The cluster DDL cannot run here (no Keeper, no second server), but the real engine's parser reads every
/// statement of it: a clause in the wrong place or an unbalanced quote fails here, not on a production cluster.
/// </summary>
[Collection(EmbeddedClickHouseGroup.Name)]
public sealed class ClusterDdlParseFacts(EmbeddedClickHouseFixture clickHouse)
{
    [Fact]
    public async Task Every_cluster_statement_of_every_migration_and_of_the_bootstrap_is_valid_ClickHouse_SQL()
    {
        var options = new ClickHouseOptions { ConnectionString = "Host=localhost", Database = "icesco_insights", Cluster = "insights" };
        var topology = SchemaTopology.For(options);
        var plan = MigrationPlan.For(options);
        var statements = SchemaMigrator.Migrations.SelectMany(plan.StatementsOf)
            .Concat(SchemaBootstrap.Statements(options.Database, topology))
            .Append(topology.CreateDatabase(options.Database))
            .ToList();

        foreach (var statement in statements)
        {
            var parameters = new ClickHouseParameterCollection();
            parameters.AddParameter("sql", statement);
            var formatted = await clickHouse.Client.ExecuteScalarAsync(
                "SELECT formatQuery({sql:String})", parameters, QueryPurpose.Options("test-cluster-ddl-parse")) as string;

            // The formatted text keeps what a cluster needs: the parser did not drop or reinterpret a clause.
            Assert.Contains("ON CLUSTER insights", formatted, StringComparison.Ordinal);
        }
        Assert.True(statements.Count > 30, $"only {statements.Count} statements");
    }
}
