namespace Icesco.Insights.Storage.Migrations.Topology;

/// <summary>One server: the migrations run as written.</summary>
internal sealed class SingleNodeTopology : SchemaTopology
{
    public static SingleNodeTopology Instance { get; } = new();

    public override string PartsSource => "system.parts";

    public override string CreateDatabase(string database) => $"CREATE DATABASE IF NOT EXISTS {database}";

    public override IReadOnlyList<string> Translate(string statement) => [statement];

    public override string StorageTable(string table) => table;

    public override string AlterTarget(string database, string table) => $"{database}.{table}";
}
