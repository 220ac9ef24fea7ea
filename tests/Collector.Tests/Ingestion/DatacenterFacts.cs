using System.Net;
using System.Text;
using System.Text.Json;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>Events sent from cloud and hosting address ranges are dropped as 'datacenter', counted, and said so in the 202.</summary>
[Collection(EngineCollection.Name)]
public sealed class DatacenterFacts(EngineFixture engine) : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    /// <summary>A reader's address: the Simulator's benchmarking range, in no provider's list.</summary>
    private static readonly IPAddress Reader = IPAddress.Parse("198.18.3.7");

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("icesco-datacenter-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public void The_shipped_list_holds_the_big_clouds_in_both_families_and_not_a_reader()
    {
        var ranges = Ranges(null);
        var shipped = ShippedLines();

        foreach (var asn in new[] { "16509", "15169", "8075", "14061", "24940", "16276" })
        {
            var line = shipped.First(l => l[2] == asn);
            Assert.True(ranges.Contains(IPAddress.Parse(line[0])), $"AS{asn} {line[0]}");
            Assert.True(ranges.Contains(IPAddress.Parse(line[1])), $"AS{asn} {line[1]}");
        }
        Assert.Contains(shipped, l => l[0].Contains(':', StringComparison.Ordinal));
        Assert.True(ranges.Contains(IPAddress.Parse(shipped.First(l => l[0].Contains(':', StringComparison.Ordinal))[0])));
        Assert.False(ranges.Contains(Reader));
        Assert.False(ranges.Contains(IPAddress.Loopback));
        Assert.False(ranges.Contains(null));
    }

    [Fact]
    public void Ranges_match_to_their_edges_merge_when_they_overlap_and_read_mapped_addresses()
    {
        var ranges = Ranges(File("""
            # comment
            10.0.0.0,10.0.0.255,1,"Example, Inc."
            10.0.0.128,10.0.1.10,1,overlap
            10.0.1.11,10.0.1.20
            2001:db8::,2001:db8::ffff,2,six
            """));

        Assert.False(ranges.Contains(IPAddress.Parse("9.255.255.255")));
        Assert.True(ranges.Contains(IPAddress.Parse("10.0.0.0")));
        Assert.True(ranges.Contains(IPAddress.Parse("10.0.1.10")));
        Assert.True(ranges.Contains(IPAddress.Parse("10.0.1.20")));
        Assert.False(ranges.Contains(IPAddress.Parse("10.0.1.21")));
        Assert.True(ranges.Contains(IPAddress.Parse("::ffff:10.0.0.200")));
        Assert.True(ranges.Contains(IPAddress.Parse("2001:db8::ffff")));
        Assert.False(ranges.Contains(IPAddress.Parse("2001:db8::1:0")));
        Assert.Equal(2, ranges.Count); // three IPv4 lines touching or overlapping are one range
    }

    [Fact]
    public void A_malformed_line_stops_the_start_naming_the_file_and_the_line()
    {
        var path = File("10.0.0.0,10.0.0.9\n10.0.0.1,not-an-address\n");
        var error = Assert.Throws<InvalidDataException>(() => Ranges(path));
        Assert.Contains(path + ", line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ranges_file_fails_validation_and_says_how_to_switch_the_rule_off()
    {
        var options = new IngestionOptions { DatacenterRanges = Path.Combine(work.FullName, "none.csv") }.WithDefaults();
        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Ingestion:DropDatacenterTraffic", StringComparison.Ordinal));
        options.DropDatacenterTraffic = false;
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    [Fact]
    public async Task Events_from_a_cloud_address_are_dropped_as_datacenter_counted_and_named_in_the_202()
    {
        var cloud = IPAddress.Parse(ShippedLines().First(l => l[2] == "16509")[0]);
        using var app = new CollectorApp(engine, new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" });
        const string Two = """[{"type":"pageview","url":"https://icesco.org/en/a"},{"type":"pageview","url":"https://icesco.org/en/b"}]""";

        var fromCloud = await PostAsync(app, cloud, Two);
        var fromReader = await PostAsync(app, Reader, Two);

        Assert.Equal(StatusCodes.Status202Accepted, fromCloud.Status);
        Assert.Equal(0, fromCloud.Body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, fromCloud.Body.GetProperty("dropped").GetProperty("datacenter").GetInt32());
        Assert.Equal(2, fromReader.Body.GetProperty("accepted").GetInt32());
        var metrics = await Eventually.UntilAsync(
            () => app.CreateClient().GetStringAsync("/metrics"),
            t => t.Contains("reason=\"datacenter\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the datacenter drop counted on /metrics");
        Assert.Matches("insights_collector_events_dropped[^\\n]*reason=\"datacenter\"[^\\n]* 2\\b", metrics);

        new ReliabilityFigure("Datacenter traffic", $"events from AS16509 (Amazon) and a reader's address; shipped list of {Ranges(null).Count:N0} merged ranges", 4,
            "2 of 2 cloud events dropped as 'datacenter' (counted on /metrics, named in the 202); 2 of 2 reader events stored", "").Record();
    }

    [Fact]
    public async Task With_the_rule_off_events_from_a_cloud_address_are_kept()
    {
        var cloud = IPAddress.Parse(ShippedLines().First(l => l[2] == "16509")[0]);
        using var app = new CollectorApp(engine, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["Ingestion:DropDatacenterTraffic"] = "false",
        });

        var response = await PostAsync(app, cloud, """{"type":"pageview","url":"https://icesco.org/en/a"}""");

        Assert.Equal(1, response.Body.GetProperty("accepted").GetInt32());
    }

    /// <summary>Posts as the loopback proxy would for a client at <paramref name="client"/>.</summary>
    private static async Task<(int Status, JsonElement Body)> PostAsync(CollectorApp app, IPAddress client, string json)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            c.Request.Method = "POST";
            c.Request.Path = "/api/v1/events";
            c.Request.ContentType = "application/json";
            c.Request.Headers.UserAgent = Chrome;
            c.Request.Headers["X-Forwarded-For"] = client.ToString();
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        });
        using var reader = new StreamReader(context.Response.Body);
        var text = await reader.ReadToEndAsync();
        return (context.Response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static DatacenterRanges Ranges(string? path) =>
        new(Options.Create(new IngestionOptions { DatacenterRanges = path }), NullLogger<DatacenterRanges>.Instance);

    private static List<string[]> ShippedLines() =>
        [.. System.IO.File.ReadLines(IngestionOptions.ShippedDatacenterRanges).Where(l => !l.StartsWith('#')).Select(l => l.Split(',', 4))];

    private string File(string text)
    {
        var path = Path.Combine(work.FullName, Guid.NewGuid().ToString("N") + ".csv");
        System.IO.File.WriteAllText(path, text);
        return path;
    }
}
