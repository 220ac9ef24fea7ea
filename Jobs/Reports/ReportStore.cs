using System.Globalization;
using System.Security.Cryptography;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Jobs.Reports;

/// <summary>What is known of a stored report, without its content.</summary>
public sealed record StoredReport(string Week, DateOnly WeekStart, string Language, string Format, long SizeBytes, string Sha256, int Pages, DateTime GeneratedAt);

/// <summary>
/// Keeps rendered reports in ClickHouse (<c>reports</c>, migration 0009: one row per week, language and format,
/// replaced by a re-run) and a copy of each file under <c>Reports:Directory</c> for operators.
/// </summary>
public sealed class ReportStore(ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, IOptions<ReportsOptions> options)
{
    private static readonly string[] Columns = ["week", "week_start", "language", "format", "content", "size_bytes", "sha256", "pages", "generated_at", "render_ms"];

    public async Task SaveAsync(IReadOnlyList<ReportFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await client.InsertBinaryAsync(
            "reports",
            Columns,
            files.Select(f => new object[]
            {
                f.Week.ToString(), f.Week.Monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), f.Language, f.Format,
                // String holds bytes; the driver writes a byte[] as the column's raw content.
                f.Content, (ulong)f.Content.Length, Convert.ToHexStringLower(SHA256.HashData(f.Content)), (ushort)f.Pages,
                f.GeneratedAt.UtcDateTime, (uint)Math.Min(uint.MaxValue, f.RenderTime.TotalMilliseconds),
            }),
            QueryPurpose.Insert("reports-save", clickHouse.Value.Database),
            cancellationToken).ConfigureAwait(false);

        foreach (var file in files)
        {
            var folder = Path.Combine(options.Value.Directory, file.Week.ToString());
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, file.FileName);
            // Write beside, then rename: a reader never sees half a file, and a re-run replaces the old one.
            await File.WriteAllBytesAsync(path + ".tmp", file.Content, cancellationToken).ConfigureAwait(false);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    /// <summary>Every stored report, newest week first.</summary>
    public async Task<IReadOnlyList<StoredReport>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<StoredReport>();
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT week, toString(week_start), language, format, size_bytes, sha256, pages, generated_at FROM {clickHouse.Value.Database}.reports FINAL ORDER BY week_start DESC, language, format",
            new ClickHouseParameterCollection(), QueryPurpose.Options("reports-list"), cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            list.Add(new StoredReport(reader.GetString(0), DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4), null), reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), null), (DateTime)reader.GetValue(7)));
        }
        return list;
    }

    /// <summary>The latest content of one report, or null.</summary>
    public async Task<byte[]?> ReadAsync(IsoWeek week, string language, string format, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("week", week.ToString());
        parameters.AddParameter("language", language);
        parameters.AddParameter("format", format);
        using var reader = await client.ExecuteReaderAsync(
            // Base64 on the way out: the driver reads a String as UTF-8 text, which would mangle a PDF's bytes.
            $"SELECT base64Encode(content) FROM {clickHouse.Value.Database}.reports FINAL WHERE week = {{week:String}} AND language = {{language:String}} AND format = {{format:String}}",
            parameters, QueryPurpose.Options("reports-read"), cancellationToken).ConfigureAwait(false);
        return reader.Read() ? Convert.FromBase64String(reader.GetString(0)) : null;
    }
}
