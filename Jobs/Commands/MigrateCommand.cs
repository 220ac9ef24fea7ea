using System.Globalization;
using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Jobs.Commands;

/// <summary>
/// <c>migrate</c>: applies the pending schema migrations and seeds the reference data, then exits — the one-shot
/// step docker-compose runs before the services start (<c>docker-compose.yml</c>'s <c>migrate</c>).
/// </summary>
public sealed class MigrateCommand : JobsCommand
{
    public override string Name => "migrate";

    public override string Summary => "Apply the pending ClickHouse schema migrations and seed the reference data";

    public override string Remarks =>
        "Creates the database if needed, applies the migrations not yet recorded in schema_migrations (under the\n" +
        "schema lock, so concurrent migrators wait), applies the raw-event retention and seeds member states and topics.\n" +
        $"Example: {JobsCommandLine.ProgramName} migrate --ClickHouse:Database=icesco_insights";

    public override void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The command host is never started: the hosted service this registers does not run; the command migrates.
        builder.Services.AddSchemaMigrations(builder.Configuration);
    }

    public override CommandWork Bind(CommandArguments arguments) => RunAsync;

    private static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in result.Applied)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  applied {migration.Version:D4} {migration.Name}")).ConfigureAwait(false);
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Database {result.Database}: {result.Applied.Count} migrations applied; seeded {result.SeededMemberStates} member states, {result.SeededTopics} topics.")).ConfigureAwait(false);
    }
}
