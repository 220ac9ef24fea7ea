using System.Globalization;
using Icesco.Insights.Jobs.Retention;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Commands;

/// <summary><c>retention</c>: drops the months of raw events older than the retention now, as the daily job does.</summary>
public sealed class RetentionCommand : JobsCommand
{
    public override string Name => "retention";

    public override string Summary => "Drop the months of raw events older than ClickHouse:RawEventRetention";

    public override string Remarks =>
        "Drops whole monthly partitions of page_views and feedback whose every day is older than the retention;\n" +
        "rollups, trends, alerts and reports stay. Prints each month dropped.\n" +
        $"Example: {JobsCommandLine.ProgramName} retention --ClickHouse:RawEventRetention=730.00:00:00";

    public override void AddServices(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRetention();
    }

    public override CommandWork Bind(CommandArguments arguments) => RunAsync;

    private static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var retention = services.GetRequiredService<IOptions<ClickHouseOptions>>().Value.RawEventRetention;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Raw-event retention: {retention.TotalDays:F0} days")).ConfigureAwait(false);
        var dropped = await services.GetRequiredService<RetentionJob>().DropExpiredAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in dropped)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  dropped {partition.Table} {partition.PartitionId}: {partition.Rows:N0} rows, {partition.Bytes:N0} bytes")).ConfigureAwait(false);
        }
        await output.WriteLineAsync(dropped.Count == 0 ? "Nothing to drop." : $"Dropped {dropped.Count} partitions.").ConfigureAwait(false);
    }
}
