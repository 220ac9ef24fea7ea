using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Icesco.Insights.Storage.ClickHouse;
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

    public override IReadOnlyList<CommandOption> Options { get; } =
    [
        new("--print-ddl", null, "Print the DDL of every migration for these settings and exit, without connecting (no connection string needed)"),
    ];

    public override string Remarks =>
        "Creates the database if needed, applies the migrations not yet recorded in schema_migrations (under the\n" +
        "schema lock, so concurrent migrators wait), applies the raw-event retention and seeds member states and topics.\n" +
        "With ClickHouse:Cluster set the DDL is the cluster's (ON CLUSTER, replicated and Distributed tables; see\n" +
        "docs/scaling.md): --print-ddl shows it for review before it runs.\n" +
        $"Example: {JobsCommandLine.ProgramName} migrate --ClickHouse:Database=icesco_insights\n" +
        $"         {JobsCommandLine.ProgramName} migrate --print-ddl --ClickHouse:Cluster=insights";

    public override void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The command host is never started: the hosted service this registers does not run; the command migrates.
        builder.Services.AddSchemaMigrations(builder.Configuration);
    }

    public override CommandWork Bind(CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Has("--print-ddl") ? PrintAsync : RunAsync;
    }

    private static async Task PrintAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        // Bound here rather than through IOptions: printing connects to nothing, so it needs no connection string,
        // but the database and cluster names it prints are still checked by the options' own rules.
        var options = services.GetRequiredService<IConfiguration>().GetSection(ClickHouseOptions.SectionName).Get<ClickHouseOptions>() ?? new ClickHouseOptions();
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            options.ConnectionString = "(not used to print)";
        }
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var plan = MigrationPlan.For(options);
        await output.WriteLineAsync(options.IsCluster
            ? $"-- Database {options.Database} on cluster {options.Cluster}"
            : $"-- Database {options.Database} on one server").ConfigureAwait(false);
        await WriteAsync(output, "schema bootstrap", plan.Bootstrap).ConfigureAwait(false);
        foreach (var migration in SchemaMigrator.Migrations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteAsync(output, migration.Name, plan.StatementsOf(migration)).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(TextWriter output, string title, IEnumerable<string> statements)
    {
        await output.WriteLineAsync($"\n-- {title}").ConfigureAwait(false);
        foreach (var statement in statements)
        {
            await output.WriteLineAsync(statement + ";\n").ConfigureAwait(false);
        }
    }

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
