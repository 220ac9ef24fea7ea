namespace Icesco.Insights.Storage.Migrations;

/// <summary>What one <see cref="SchemaMigrator.MigrateAsync"/> call changed.</summary>
/// <param name="Database">The database migrated.</param>
/// <param name="Applied">Migrations applied by this call, in order; empty when the schema was current.</param>
/// <param name="SeededMemberStates">Member-state rows inserted from the shipped reference data.</param>
/// <param name="SeededTopics">Topic rows inserted from the shipped reference data.</param>
public sealed record SchemaMigrationResult(
    string Database,
    IReadOnlyList<AppliedMigration> Applied,
    int SeededMemberStates,
    int SeededTopics);

/// <summary>A migration recorded in <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTime AppliedAt, string AppliedBy);
