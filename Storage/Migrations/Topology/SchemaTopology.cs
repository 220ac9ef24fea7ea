using Icesco.Insights.Storage.ClickHouse;

namespace Icesco.Insights.Storage.Migrations.Topology;

/// <summary>
/// Where the schema lives: one server, or a cluster named by <see cref="ClickHouseOptions.Cluster"/>. The migrations
/// are written once, for one server; the topology turns each statement into what it needs, and tells the code
/// that changes table storage (TTL, partitions) which table and clause to address.
/// </summary>
public abstract class SchemaTopology
{
    public static SchemaTopology For(ClickHouseOptions options) =>
        options.IsCluster ? new ClusterTopology(options.Cluster!) : SingleNodeTopology.Instance;

    public abstract string CreateDatabase(string database);

    /// <summary>The statements one migration statement becomes, in order.</summary>
    /// <exception cref="NotSupportedException">The statement has no translation for this topology.</exception>
    public abstract IReadOnlyList<string> Translate(string statement);

    /// <summary>The table that holds <paramref name="table"/>'s parts on a node (system.tables, system.parts).</summary>
    public abstract string StorageTable(string table);

    /// <summary>The target of an ALTER of <paramref name="table"/>'s storage: <c>db.table</c>, plus <c>ON CLUSTER</c> on a cluster.</summary>
    public abstract string AlterTarget(string database, string table);

    /// <summary>The source listing the parts of every shard once (one replica each).</summary>
    public abstract string PartsSource { get; }
}
