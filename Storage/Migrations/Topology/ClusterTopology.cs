using System.Text.RegularExpressions;

namespace Icesco.Insights.Storage.Migrations.Topology;

/// <summary>
/// A ClickHouse cluster with Keeper (docs/scaling.md, docs/decisions/0016). Every statement runs <c>ON CLUSTER</c>.
/// A sharded table (<see cref="ShardedTables"/>) becomes <c>name_local</c> with the replicated variant of its engine
/// (Keeper path per shard) and <c>name</c> a <c>Distributed</c> table over it, so the services keep their table
/// names. Every other table gets the replicated engine with one Keeper path shared by all nodes: a whole copy on
/// each, so joins with a sharded table resolve on the shard. Materialized views read and write the local tables,
/// so each node rolls up the events it stores. The Keeper paths use the <c>{shard}</c> and <c>{replica}</c> macros
/// that each server defines.
/// </summary>
internal sealed partial class ClusterTopology(string cluster) : SchemaTopology
{
    public const string KeeperRoot = "/clickhouse/tables";

    public override string PartsSource => $"cluster('{cluster}', system.parts)";

    public override string CreateDatabase(string database) => $"CREATE DATABASE IF NOT EXISTS {database} ON CLUSTER {cluster}";

    public override string StorageTable(string table) => ShardedTables.Contains(table) ? ShardedTables.LocalName(table) : table;

    public override string AlterTarget(string database, string table) => $"{database}.{StorageTable(table)} ON CLUSTER {cluster}";

    public override IReadOnlyList<string> Translate(string statement)
    {
        if (CreateView().Match(statement) is { Success: true } view)
        {
            return [TranslateView(statement, view)];
        }
        if (CreateTable().Match(statement) is { Success: true } table)
        {
            return TranslateTable(statement, table);
        }
        throw new NotSupportedException(
            $"Cluster mode translates only 'CREATE TABLE IF NOT EXISTS' and 'CREATE MATERIALIZED VIEW IF NOT EXISTS … TO'; " +
            $"teach ClusterTopology the statement starting '{Head(statement)}'.");
    }

    private IReadOnlyList<string> TranslateTable(string statement, Match create)
    {
        var database = create.Groups["database"].Value;
        var table = create.Groups["table"].Value;
        var sharded = ShardedTables.Keys.TryGetValue(table, out var key);
        var storage = sharded ? ShardedTables.LocalName(table) : table;
        var keeperPath = sharded ? $"{KeeperRoot}/{{shard}}/{database}/{storage}" : $"{KeeperRoot}/all/{database}/{storage}";

        var engines = Engine().Matches(statement);
        if (engines.Count != 1)
        {
            throw new NotSupportedException($"Table {database}.{table}: expected one ENGINE clause, found {engines.Count}.");
        }
        var engine = engines[0];
        var name = engine.Groups["engine"].Value;
        if (!name.EndsWith("MergeTree", StringComparison.Ordinal) || name.StartsWith("Replicated", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Table {database}.{table}: cluster mode replicates the MergeTree family only, not {name}.");
        }
        if (statement.AsSpan(engine.Index + engine.Length).TrimStart().StartsWith("("))
        {
            // Arguments with parentheses of their own (an expression as version column) are beyond this translation.
            throw new NotSupportedException($"Table {database}.{table}: the arguments of ENGINE = {name}(…) must be plain column names.");
        }
        var arguments = engine.Groups["arguments"].Value.Trim();
        var replicated = $"ENGINE = Replicated{name}('{keeperPath}', '{{replica}}'{(arguments.Length > 0 ? ", " + arguments : "")})";

        var local = string.Concat(
            $"CREATE TABLE IF NOT EXISTS {database}.{storage} ON CLUSTER {cluster}",
            statement[(create.Index + create.Length)..engine.Index],
            replicated,
            statement[(engine.Index + engine.Length)..]);
        // The plain window is ignored by a replicated table, which keeps its recent block ids in Keeper instead.
        local = DeduplicationWindow().Replace(local, "replicated_deduplication_window");

        if (!sharded)
        {
            return [local];
        }
        var distributed =
            $"CREATE TABLE IF NOT EXISTS {database}.{table} ON CLUSTER {cluster} AS {database}.{storage}\n" +
            $"ENGINE = Distributed('{cluster}', '{database}', '{storage}', {key})";
        return [local, distributed];
    }

    private string TranslateView(string statement, Match create)
    {
        var database = create.Groups["database"].Value;
        var view = create.Groups["view"].Value;
        var target = create.Groups["target"].Value;
        var source = ViewSource().Match(statement, create.Index + create.Length);
        if (!source.Success)
        {
            throw new NotSupportedException($"Materialized view {database}.{view}: no FROM table found.");
        }
        var from = source.Groups["table"].Value;
        if (ShardedTables.Contains(from) != ShardedTables.Contains(target))
        {
            // A view fires on the node that stores the inserted block: a sharded source feeding a whole-copy target
            // (or the reverse) would need its own design, not this translation.
            throw new NotSupportedException(
                $"Materialized view {database}.{view} reads {from} ({Kind(from)}) and writes {target} ({Kind(target)}); both must be sharded or both whole-copy.");
        }

        var body = QualifiedTable(database).Replace(
            statement[(create.Index + create.Length)..],
            m => ShardedTables.Contains(m.Groups["table"].Value) ? $"{database}.{ShardedTables.LocalName(m.Groups["table"].Value)}" : m.Value);
        return $"CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.{view} ON CLUSTER {cluster}{body}";
    }

    private static string Kind(string table) => ShardedTables.Contains(table) ? "sharded" : "whole-copy";

    private static string Head(string statement)
    {
        var line = statement.TrimStart().Split('\n')[0].Trim();
        return line.Length <= 80 ? line : line[..80] + "…";
    }

    private static Regex QualifiedTable(string database) =>
        new($@"\b{Regex.Escape(database)}\.(?<table>[A-Za-z_][A-Za-z0-9_]*)\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\s*CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(?<database>[A-Za-z_][A-Za-z0-9_]*)\.(?<table>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateTable();

    // The view's own name is the header; what follows TO is part of the header too, so that the body's table
    // references are the only ones renamed by QualifiedTable.
    [GeneratedRegex(@"^\s*CREATE\s+MATERIALIZED\s+VIEW\s+IF\s+NOT\s+EXISTS\s+(?<database>[A-Za-z_][A-Za-z0-9_]*)\.(?<view>[A-Za-z_][A-Za-z0-9_]*)(?=\s+TO\s+\k<database>\.(?<target>[A-Za-z_][A-Za-z0-9_]*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateView();

    [GeneratedRegex(@"\bFROM\s+[A-Za-z_][A-Za-z0-9_]*\.(?<table>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ViewSource();

    [GeneratedRegex(@"\bENGINE\s*=\s*(?<engine>[A-Za-z]+)(?:\s*\((?<arguments>[^()]*)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex Engine();

    [GeneratedRegex(@"\bnon_replicated_deduplication_window\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeduplicationWindow();
}
