using System.Net;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Tests.Ingestion;

public sealed class CountryFacts
{
    /// <summary>The CC0 database that test.sh installs with <c>npm ci</c> in tests/Collector.Tests/geoip.</summary>
    private static string Database()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Collector.Tests", "geoip", "node_modules", "@ip-location-db", "geo-whois-asn-country-mmdb", "geo-whois-asn-country.mmdb");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("geo-whois-asn-country.mmdb not found: run 'npm ci' in tests/Collector.Tests/geoip (test.sh does).");
    }

    private static CountryResolver Resolver(string? header = null, string? database = null) =>
        new(Options.Create(new IngestionOptions { CountryHeader = header, GeoIpDatabase = database }), NullLogger<CountryResolver>.Instance);

    [Fact]
    public void The_trusted_header_gives_the_country_when_configured()
    {
        using var resolver = Resolver(header: "CF-IPCountry");
        Assert.Equal("SN", resolver.Resolve(new HeaderDictionary { ["CF-IPCountry"] = "sn" }, IPAddress.Parse("8.8.8.8")));
        Assert.Equal("", resolver.Resolve(new HeaderDictionary { ["CF-IPCountry"] = "XX" }, null));
    }

    [Fact]
    public void The_header_is_ignored_when_not_configured()
    {
        using var resolver = Resolver();
        Assert.Equal("", resolver.Resolve(new HeaderDictionary { ["CF-IPCountry"] = "SN" }, IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Without_a_database_the_country_is_empty()
    {
        using var resolver = Resolver(database: Path.Combine(Path.GetTempPath(), "no-such.mmdb"));
        Assert.Equal("", resolver.Resolve(new HeaderDictionary(), IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void The_offline_database_gives_the_iso_country_of_an_address()
    {
        using var resolver = Resolver(database: Database());
        Assert.Equal("US", resolver.Resolve(new HeaderDictionary(), IPAddress.Parse("8.8.8.8")));
        Assert.Equal("US", resolver.Resolve(new HeaderDictionary(), IPAddress.Parse("::ffff:8.8.8.8")));
        Assert.Equal("", resolver.Resolve(new HeaderDictionary(), IPAddress.Loopback));
    }
}
