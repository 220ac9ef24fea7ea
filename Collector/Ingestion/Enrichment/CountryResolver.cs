using System.Net;
using MaxMind.Db;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// The visitor's country: from a trusted proxy header when one is configured, else from an offline
/// <c>.mmdb</c> database, else empty. Both the MaxMind layout (<c>country.iso_code</c>) and the
/// ip-location-db layout (<c>country_code</c>) are read, hence MaxMind.Db's reader rather than
/// GeoIP2's, which knows only the first.
/// </summary>
public sealed partial class CountryResolver : IDisposable
{
    private readonly string? header;
    private readonly Reader? database;

    public CountryResolver(IOptions<IngestionOptions> options, ILogger<CountryResolver> logger)
    {
        header = string.IsNullOrWhiteSpace(options.Value.CountryHeader) ? null : options.Value.CountryHeader;
        var path = options.Value.GeoIpDatabase;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }
        if (File.Exists(path))
        {
            database = new Reader(path, FileAccessMode.MemoryMapped);
            DatabaseOpened(logger, path, database.Metadata.DatabaseType);
        }
        else
        {
            DatabaseMissing(logger, path);
        }
    }

    public string Resolve(IHeaderDictionary headers, IPAddress? address)
    {
        if (header is not null)
        {
            var value = headers[header].ToString().Trim();
            return IsCountryCode(value) ? value.ToUpperInvariant() : "";
        }
        if (database is null || address is null)
        {
            return "";
        }
        var record = database.Find<Dictionary<string, object>>(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        if (record is null)
        {
            return "";
        }
        var code = record.TryGetValue("country_code", out var flat) ? flat as string
            : record.TryGetValue("country", out var nested) && nested is Dictionary<string, object> country && country.TryGetValue("iso_code", out var iso) ? iso as string
            : null;
        return code is not null && IsCountryCode(code) ? code.ToUpperInvariant() : "";
    }

    public void Dispose() => database?.Dispose();

    // "XX" and "T1" are what Cloudflare sends for unknown and Tor; they are not countries.
    private static bool IsCountryCode(string value) =>
        value.Length == 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) && !value.Equals("XX", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "IP country database {Path} opened ({DatabaseType})")]
    private static partial void DatabaseOpened(ILogger logger, string path, string databaseType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion:GeoIpDatabase {Path} does not exist; visitor countries stay empty")]
    private static partial void DatabaseMissing(ILogger logger, string path);
}
