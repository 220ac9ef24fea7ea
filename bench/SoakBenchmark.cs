using System.Globalization;
using System.Text;
using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>
/// Watches the process's resident memory while the endpoint serves many requests, to show that
/// engine results and insert streams are released (a leak grows with the request count).
/// dotnet run -c Release --project bench -- soak [--requests N].
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--requests");
        var requests = index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 20_000;
        var data = Directory.CreateTempSubdirectory("icesco-soak-");
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        await SendAsync(http, "CREATE TABLE soak (a UInt64, b String) ENGINE = MergeTree ORDER BY a", string.Empty);
        var batch = string.Concat(Enumerable.Range(0, 100).Select(i => $"{i}\tx{i}\n"));

        Console.WriteLine($"| requests served | resident MB |");
        Console.WriteLine($"| ---: | ---: |");
        for (var round = 0; round <= 3; round++)
        {
            var count = round == 0 ? requests / 10 : requests;
            for (var i = 0; i < count; i++)
            {
                // Each query leaves a ~16 KB engine result behind if results leak; every tenth
                // request is a streamed insert with per-request settings.
                await SendAsync(http, "SELECT number, toString(number) FROM numbers(1000) FORMAT RowBinary", "max_threads=1");
                if (i % 10 == 0)
                {
                    await SendAsync(http, "INSERT INTO soak FORMAT TSV\n" + batch, "insert_deduplication_token=" + Guid.NewGuid());
                }
            }

            GC.Collect();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Console.WriteLine($"| {(round == 0 ? count : (requests / 10) + (round * requests)) * 11 / 10:N0} | {self.WorkingSet64 / 1_000_000:N0} |");
        }

        data.Delete(recursive: true);
        return 0;
    }

    private static async Task SendAsync(HttpClient http, string body, string query)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        using var response = await http.PostAsync("?" + query, content);
        response.EnsureSuccessStatusCode();
    }
}
