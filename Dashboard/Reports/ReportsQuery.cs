using System.Globalization;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Dashboard.Reports;

/// <summary>
/// The weekly reports the Jobs rendered into <c>reports</c> (FINAL: a re-run's newer file replaces the older),
/// read here so every Dashboard instance serves them wherever they were rendered (docs/decisions/0014).
/// </summary>
public sealed class ReportsQuery(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse)
{
    public async Task<IReadOnlyList<ReportListing>> ListAsync(CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT week, toString(week_start), language, format, size_bytes, pages, toUnixTimestamp64Milli(generated_at)
            FROM {clickHouse.Value.Database}.reports FINAL
            ORDER BY week_start DESC, language, format
            """;
        var list = new List<ReportListing>();
        using var reader = await client.ExecuteReaderAsync(sql, new ClickHouseParameterCollection(), QueryPurpose.Options("dashboard-reports-list"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            list.Add(new ReportListing(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(2),
                reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture))));
        }
        return list;
    }

    /// <summary>The file's bytes, or null when there is no such report.</summary>
    public async Task<byte[]?> ReadAsync(string week, string language, string format, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("week", week);
        parameters.AddParameter("language", language);
        parameters.AddParameter("format", format);
        using var reader = await client.ExecuteReaderAsync(
            // Base64 on the way out: the driver reads a String as UTF-8 text, which would mangle a PDF's bytes.
            $"SELECT base64Encode(content) FROM {clickHouse.Value.Database}.reports FINAL WHERE week = {{week:String}} AND language = {{language:String}} AND format = {{format:String}}",
            parameters, QueryPurpose.Options("dashboard-reports-file"), cancellationToken).ConfigureAwait(false);
        return reader.Read() ? Convert.FromBase64String(reader.GetString(0)) : null;
    }
}
