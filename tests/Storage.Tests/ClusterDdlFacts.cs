using System.Text.RegularExpressions;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations;
using Icesco.Insights.Storage.Migrations.Topology;

namespace Icesco.Insights.Storage.Tests;

/// <summary>
/// The DDL each shipped migration sends on one server (as written) and on a cluster (ON CLUSTER, replicated
/// engines with Keeper paths, Distributed tables for the sharded ones, views on the local tables).
/// </summary>
public sealed partial class ClusterDdlFacts
{
    private const string Database = "insights_db";
    private const string Cluster = "insights";

    private static readonly ClickHouseOptions SingleNode = new() { ConnectionString = "Host=localhost", Database = Database };
    private static readonly ClickHouseOptions OnCluster = new() { ConnectionString = "Host=localhost", Database = Database, Cluster = Cluster };

    public static TheoryData<string> MigrationNames() => [.. SchemaMigrator.Migrations.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(MigrationNames))]
    public void Without_a_cluster_every_migration_runs_as_written(string name)
    {
        var migration = Migration(name);
        var asWritten = SqlStatementSplitter.Split(MigrationTemplate.Render(migration.Sql, MigrationTemplate.Values(SingleNode), name));

        Assert.Equal(asWritten, MigrationPlan.For(SingleNode).StatementsOf(migration));
        Assert.All(asWritten, s => Assert.DoesNotContain("ON CLUSTER", s, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(MigrationNames))]
    public void On_a_cluster_every_statement_runs_on_every_node(string name)
    {
        var statements = MigrationPlan.For(OnCluster).StatementsOf(Migration(name));

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Matches($@"^CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS {Database}\.\w+ ON CLUSTER {Cluster}\b", s));
    }

    [Theory]
    [MemberData(nameof(MigrationNames))]
    public void On_a_cluster_every_table_has_a_replicated_engine_with_its_own_keeper_path(string name)
    {
        var migration = Migration(name);
        foreach (var table in Tables(MigrationPlan.For(SingleNode).StatementsOf(migration)))
        {
            var sharded = ShardedTables.Contains(table.Name);
            var storage = sharded ? table.Name + "_local" : table.Name;
            var clustered = Tables(MigrationPlan.For(OnCluster).StatementsOf(migration)).Single(t => t.Name == storage);

            var keeperPath = sharded ? $"/clickhouse/tables/{{shard}}/{Database}/{storage}" : $"/clickhouse/tables/all/{Database}/{storage}";
            var arguments = table.EngineArguments.Length == 0 ? "" : ", " + table.EngineArguments;
            Assert.Equal($"ENGINE = Replicated{table.Engine}('{keeperPath}', '{{replica}}'{arguments})", clustered.EngineClause);

            // Columns, keys, partitioning and TTL as written; only the deduplication window changes kind.
            Assert.Equal(table.Columns, clustered.Columns);
            Assert.Equal(
                table.Tail.Replace("non_replicated_deduplication_window", "replicated_deduplication_window", StringComparison.Ordinal),
                clustered.Tail);
            Assert.DoesNotContain("non_replicated_deduplication_window", clustered.Tail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(MigrationNames))]
    public void On_a_cluster_each_sharded_table_is_read_and_written_through_a_distributed_table_with_its_sharding_key(string name)
    {
        var migration = Migration(name);
        var clustered = MigrationPlan.For(OnCluster).StatementsOf(migration);
        foreach (var table in Tables(MigrationPlan.For(SingleNode).StatementsOf(migration)).Where(t => ShardedTables.Contains(t.Name)))
        {
            var key = ShardedTables.Keys[table.Name];
            var distributed = Assert.Single(clustered, s => s.StartsWith($"CREATE TABLE IF NOT EXISTS {Database}.{table.Name} ", StringComparison.Ordinal));
            Assert.Equal(
                $"CREATE TABLE IF NOT EXISTS {Database}.{table.Name} ON CLUSTER {Cluster} AS {Database}.{table.Name}_local\n" +
                $"ENGINE = Distributed('{Cluster}', '{Database}', '{table.Name}_local', {key})",
                distributed);
            // The local table is created first: the Distributed one copies its columns.
            Assert.True(
                IndexOf(clustered, $"{Database}.{table.Name}_local ON CLUSTER") < IndexOf(clustered, $"{Database}.{table.Name} ON CLUSTER"),
                $"{table.Name}_local must be created before {table.Name}");
        }
    }

    [Fact]
    public void Every_sharded_table_is_created_by_a_migration_and_its_sharding_key_names_its_columns()
    {
        var tables = SchemaMigrator.Migrations
            .SelectMany(m => Tables(MigrationPlan.For(SingleNode).StatementsOf(m)))
            .ToDictionary(t => t.Name);
        foreach (var (name, key) in ShardedTables.Keys)
        {
            Assert.True(tables.TryGetValue(name, out var table), $"{name} is listed as sharded but no migration creates it");
            var arguments = KeyArguments().Match(key);
            Assert.True(arguments.Success, $"{name}: sharding key '{key}' is not cityHash64(columns)");
            foreach (var column in arguments.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                Assert.Matches($@"(?m)^\s*{column}\s", table.Columns);
            }
        }
    }

    [Theory]
    [MemberData(nameof(MigrationNames))]
    public void On_a_cluster_materialized_views_read_and_write_the_local_tables(string name)
    {
        var migration = Migration(name);
        var clustered = MigrationPlan.For(OnCluster).StatementsOf(migration).Where(s => s.StartsWith("CREATE MATERIALIZED VIEW", StringComparison.Ordinal)).ToList();
        var written = MigrationPlan.For(SingleNode).StatementsOf(migration).Where(s => s.StartsWith("CREATE MATERIALIZED VIEW", StringComparison.Ordinal)).ToList();
        Assert.Equal(written.Count, clustered.Count);
        foreach (var view in clustered)
        {
            var match = ViewTables().Match(view);
            Assert.True(match.Success, view);
            var (target, source) = (match.Groups["target"].Value, match.Groups["source"].Value);
            Assert.True(target.EndsWith("_local", StringComparison.Ordinal) == source.EndsWith("_local", StringComparison.Ordinal), view);
            Assert.Equal(ShardedTables.Contains(target.Replace("_local", "", StringComparison.Ordinal)), target.EndsWith("_local", StringComparison.Ordinal));
            Assert.Equal(ShardedTables.Contains(source.Replace("_local", "", StringComparison.Ordinal)), source.EndsWith("_local", StringComparison.Ordinal));
        }
        // No cluster statement but a Distributed table's own names a sharded table without its suffix.
        foreach (var statement in MigrationPlan.For(OnCluster).StatementsOf(migration).Where(s => !s.Contains("ENGINE = Distributed", StringComparison.Ordinal)))
        {
            foreach (Match reference in Regex.Matches(statement, $@"\b{Database}\.(\w+)"))
            {
                Assert.False(ShardedTables.Contains(reference.Groups[1].Value), $"'{reference.Value}' should be the local table in:\n{statement}");
            }
        }
    }

    [Fact]
    public void The_lock_and_history_tables_are_whole_copies_on_a_cluster_and_as_written_on_one_server()
    {
        var single = SchemaBootstrap.Statements(Database, SchemaTopology.For(SingleNode)).ToList();
        var clustered = SchemaBootstrap.Statements(Database, SchemaTopology.For(OnCluster)).ToList();

        Assert.Equal(2, single.Count);
        Assert.All(single, s => Assert.Contains("ENGINE = MergeTree\n", s, StringComparison.Ordinal));
        Assert.Equal(2, clustered.Count);
        Assert.Contains($"ReplicatedMergeTree('/clickhouse/tables/all/{Database}/schema_lock', '{{replica}}')", clustered[0], StringComparison.Ordinal);
        Assert.Contains($"ReplicatedMergeTree('/clickhouse/tables/all/{Database}/schema_migrations', '{{replica}}')", clustered[1], StringComparison.Ordinal);
        Assert.Equal($"CREATE DATABASE IF NOT EXISTS {Database} ON CLUSTER {Cluster}", SchemaTopology.For(OnCluster).CreateDatabase(Database));
        Assert.Equal($"CREATE DATABASE IF NOT EXISTS {Database}", SchemaTopology.For(SingleNode).CreateDatabase(Database));
    }

    [Fact]
    public void Storage_changes_address_the_local_tables_on_every_node_of_a_cluster()
    {
        var cluster = SchemaTopology.For(OnCluster);
        Assert.Equal($"{Database}.page_views_local ON CLUSTER {Cluster}", cluster.AlterTarget(Database, "page_views"));
        Assert.Equal($"{Database}.trends ON CLUSTER {Cluster}", cluster.AlterTarget(Database, "trends"));
        Assert.Equal("feedback_local", cluster.StorageTable("feedback"));
        Assert.Equal($"cluster('{Cluster}', system.parts)", cluster.PartsSource);

        var single = SchemaTopology.For(SingleNode);
        Assert.Equal($"{Database}.page_views", single.AlterTarget(Database, "page_views"));
        Assert.Equal("feedback", single.StorageTable("feedback"));
        Assert.Equal("system.parts", single.PartsSource);
    }

    [Fact]
    public void A_migration_the_cluster_cannot_translate_is_refused_with_its_name_and_statement_before_anything_runs()
    {
        var migrations = new[]
        {
            new Migration(1, "0001_ok.sql", "CREATE TABLE IF NOT EXISTS {database}.a (x UInt8) ENGINE = MergeTree ORDER BY x;"),
            new Migration(2, "0002_alter.sql", "CREATE TABLE IF NOT EXISTS {database}.b (x UInt8) ENGINE = MergeTree ORDER BY x;\nALTER TABLE {database}.b ADD COLUMN y UInt8;"),
        };

        var error = Assert.Throws<SchemaMigrationException>(() => MigrationPlan.For(migrations, OnCluster));

        Assert.Contains("0002_alter.sql, statement 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, MigrationPlan.For(migrations, SingleNode).StatementsOf(migrations[1]).Count);
    }

    [Theory]
    [InlineData("CREATE TABLE IF NOT EXISTS {database}.m (x UInt8) ENGINE = Memory", "MergeTree family")]
    [InlineData("CREATE TABLE IF NOT EXISTS {database}.r (x UInt8, v UInt32) ENGINE = ReplacingMergeTree(toUInt64(v)) ORDER BY x", "plain column names")]
    [InlineData("CREATE TABLE {database}.plain (x UInt8) ENGINE = MergeTree ORDER BY x", "IF NOT EXISTS")]
    [InlineData("CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.v TO {database}.trends AS SELECT 1 FROM {database}.page_views", "both must be sharded")]
    public void Statements_without_a_sound_cluster_form_are_refused(string sql, string reason)
    {
        var error = Assert.Throws<SchemaMigrationException>(() => MigrationPlan.For([new Migration(1, "0001_x.sql", sql)], OnCluster));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static Migration Migration(string name) => SchemaMigrator.Migrations.Single(m => m.Name == name);

    private static int IndexOf(IReadOnlyList<string> statements, string text) =>
        statements.Select((s, i) => (s, i)).First(x => x.s.Contains(text, StringComparison.Ordinal)).i;

    private static IEnumerable<TableDdl> Tables(IEnumerable<string> statements) =>
        statements.Select(s => CreateTable().Match(s)).Where(m => m.Success).Select(m => new TableDdl(
            m.Groups["name"].Value, m.Groups["columns"].Value, m.Groups["engine"].Value, m.Groups["arguments"].Value, m.Groups["clause"].Value, m.Groups["tail"].Value));

    [GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS \w+\.(?<name>\w+)(?: ON CLUSTER \w+)?\s*(?<columns>\(.*?\n\))\s*(?<clause>ENGINE = (?<engine>\w+)(?:\((?<arguments>(?:'[^']*'|[^()'])*)\))?)(?<tail>(?:\s|$).*)$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bTO \w+\.(?<target>\w+) AS\b.*?\bFROM \w+\.(?<source>\w+)", RegexOptions.Singleline)]
    private static partial Regex ViewTables();

    [GeneratedRegex(@"^cityHash64\(([^()]+)\)$")]
    private static partial Regex KeyArguments();

    private sealed record TableDdl(string Name, string Columns, string Engine, string EngineArguments, string EngineClause, string Tail);
}
