using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.Storage.Migrations.Topology;

namespace Icesco.Insights.Storage.Migrations;

/// <summary>
/// The statements each migration sends to the server, for the configured database, retention and topology:
/// placeholders filled, the file split into statements, each translated by <see cref="SchemaTopology"/>.
/// Built whole before anything runs, so a migration the topology cannot translate fails before any DDL is sent.
/// </summary>
public sealed class MigrationPlan
{
    private readonly Dictionary<int, IReadOnlyList<string>> statements;

    private MigrationPlan(IReadOnlyList<string> bootstrap, Dictionary<int, IReadOnlyList<string>> statements)
    {
        Bootstrap = bootstrap;
        this.statements = statements;
    }

    /// <summary>What runs before the lock is taken: the database, the lock and the history tables.</summary>
    public IReadOnlyList<string> Bootstrap { get; }

    /// <summary>The plan of the shipped migrations.</summary>
    public static MigrationPlan For(ClickHouseOptions options) => For(SchemaMigrator.Migrations, options);

    /// <exception cref="SchemaMigrationException">A statement has no translation for the topology.</exception>
    public static MigrationPlan For(IEnumerable<Migration> migrations, ClickHouseOptions options)
    {
        var topology = SchemaTopology.For(options);
        var values = MigrationTemplate.Values(options);
        var plan = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var migration in migrations)
        {
            var split = SqlStatementSplitter.Split(MigrationTemplate.Render(migration.Sql, values, migration.Name));
            var translated = new List<string>();
            for (var i = 0; i < split.Count; i++)
            {
                try
                {
                    translated.AddRange(topology.Translate(split[i]));
                }
                catch (NotSupportedException e)
                {
                    throw new SchemaMigrationException($"Migration {migration.Name}, statement {i + 1}: {e.Message}", e);
                }
            }
            plan[migration.Version] = translated;
        }
        string[] bootstrap = [topology.CreateDatabase(options.Database), .. SchemaBootstrap.Statements(options.Database, topology)];
        return new MigrationPlan(bootstrap, plan);
    }

    /// <summary>The statements of <paramref name="migration"/>, in the order they run.</summary>
    public IReadOnlyList<string> StatementsOf(Migration migration) => statements[migration.Version];
}
