using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ClickHouse.Driver;
using ClickHouse.Driver.Compression;
using Icesco.Insights.EmbeddedClickHouse;

namespace Icesco.Insights.Bench;

/// <summary>
/// Measures the embedded endpoint against the engine it wraps: rows/s of the driver's binary insert
/// through HTTP vs the raw streaming insert of the same rows, and a query's latency both ways.
/// Run on demand (not a test): dotnet run -c Release --project bench -- [--rows N] [--repeat N].
/// </summary>
internal static class EndpointBenchmark
{
    private const string Aggregate = "SELECT topic, count(), avg(rating), uniqExact(id) FROM bench.events GROUP BY topic ORDER BY topic";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var repeat = Option(args, "--repeat", 3);
        var data = Directory.CreateTempSubdirectory("icesco-bench-");
        await using var server = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        using var client = new ClickHouseClient(server.ConnectionString);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {server.EngineVersion}");
        Console.WriteLine($"rows per insert: {rows:N0}; repeats: {repeat} (best and median reported)");
        Console.WriteLine();
        Console.WriteLine("| path | best rows/s | median rows/s |");
        Console.WriteLine("| --- | ---: | ---: |");
        var raw = await MeasureAsync(repeat, () => RawInsert(server, rows), client, rows);
        Report("raw streaming insert (chdb_stream_insert, RowBinary, in process)", raw, rows);
        var body = RowBinaryRows.Encoded(rows, 1 << 20).SelectMany(c => c).ToArray();
        using var http = new HttpClient { BaseAddress = server.Endpoint, Timeout = TimeSpan.FromMinutes(5) };
        var posted = await MeasureAsync(repeat, () => PostRowBinary(http, body), client, rows);
        Report("the same RowBinary bytes POSTed to the endpoint (HttpClient, uncompressed: the endpoint's own cost)", posted, rows);
        var zstdBody = new ZstdSharp.Compressor(3).Wrap(body).ToArray();
        var postedZstd = await MeasureAsync(repeat, () => PostRowBinary(http, zstdBody, "zstd"), client, rows);
        Report("the same bytes zstd-compressed beforehand and POSTed (the endpoint decodes)", postedZstd, rows);
        var parallel = await MeasureAsync(
            repeat,
            () => client.InsertBinaryAsync("bench.events", RowBinaryRows.Names, RowBinaryRows.Driver(rows), new InsertOptions { BatchSize = rows / 4, MaxDegreeOfParallelism = 2 }),
            client,
            rows);
        Report("ClickHouse.Driver InsertBinaryAsync (zstd), 4 batches serialised on 2 threads", parallel, rows);
        await using (var sink = await DiscardingSink.StartAsync())
        {
            using var sinkClient = new ClickHouseClient($"Host={sink.Endpoint.Host};Port={sink.Endpoint.Port}");
            var types = new Dictionary<string, string> { ["id"] = "UInt64", ["topic"] = "LowCardinality(String)", ["at"] = "DateTime64(3, 'UTC')", ["rating"] = "UInt8", ["comment"] = "String" };
            var alone = new List<TimeSpan>();
            for (var i = 0; i < repeat; i++)
            {
                var clock = Stopwatch.StartNew();
                await sinkClient.InsertBinaryAsync("events", RowBinaryRows.Names, RowBinaryRows.Driver(rows), new InsertOptions { BatchSize = rows, ColumnTypes = types });
                alone.Add(clock.Elapsed);
            }

            Report("ClickHouse.Driver InsertBinaryAsync (zstd) into a server that discards the body: the driver's own ceiling", alone, rows);
        }

        foreach (var (name, compressor) in Compressors())
        {
            var viaHttp = await MeasureAsync(repeat, () => DriverInsert(client, rows, compressor), client, rows);
            Report($"ClickHouse.Driver InsertBinaryAsync through the endpoint ({name})", viaHttp, rows);
        }

        Console.WriteLine();
        Console.WriteLine("| query path | median ms | p95 ms |");
        Console.WriteLine("| --- | ---: | ---: |");
        await QueryLatencyAsync(server, client, rows);
        data.Delete(recursive: true);
        return 0;
    }

    private static async Task<List<TimeSpan>> MeasureAsync(int repeat, Func<Task> insert, ClickHouseClient client, int rows)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeat; i++)
        {
            await client.ExecuteNonQueryAsync("DROP DATABASE IF EXISTS bench");
            await client.ExecuteNonQueryAsync("CREATE DATABASE bench");
            await client.ExecuteNonQueryAsync($"CREATE TABLE bench.events ({RowBinaryRows.Columns}) ENGINE = MergeTree ORDER BY id");
            var clock = Stopwatch.StartNew();
            await insert();
            times.Add(clock.Elapsed);
            var count = (ulong)(await client.ExecuteScalarAsync("SELECT count() FROM bench.events"))!;
            if (count != (ulong)rows)
            {
                throw new InvalidOperationException($"expected {rows} rows, found {count}");
            }
        }

        return times;
    }

    private static Task RawInsert(EmbeddedClickHouseServer server, int rows) => Task.Run(async () =>
    {
        using var lease = await server.Host.Pool.RentAsync(CancellationToken.None);
        using var insert = lease.Connection.BeginInsert("INSERT INTO bench.events"u8, "RowBinary", []);
        foreach (var chunk in RowBinaryRows.Encoded(rows, 1 << 20))
        {
            if (!insert.Append(chunk))
            {
                throw new InvalidOperationException(insert.Error);
            }
        }

        using var result = insert.Finish();
        if (result.Error is not null)
        {
            throw new InvalidOperationException(result.Error);
        }
    });

    private static async Task PostRowBinary(HttpClient http, byte[] body, string? encoding = null)
    {
        using var content = new ByteArrayContent(body);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var response = await http.PostAsync("?query=" + Uri.EscapeDataString("INSERT INTO bench.events FORMAT RowBinary"), content);
        response.EnsureSuccessStatusCode();
    }

    private static Task<long> DriverInsert(ClickHouseClient client, int rows, IClickHouseCompressor? compressor)
        => client.InsertBinaryAsync("bench.events", RowBinaryRows.Names, RowBinaryRows.Driver(rows), new InsertOptions { Compressor = compressor, BatchSize = rows });

    private static async Task QueryLatencyAsync(EmbeddedClickHouseServer server, ClickHouseClient client, int rows)
    {
        await client.InsertBinaryAsync("bench.events", RowBinaryRows.Names, RowBinaryRows.Driver(rows), new InsertOptions { BatchSize = rows });
        const int runs = 50;
        const string sql = Aggregate;
        var raw = new List<double>();
        var http = new List<double>();
        using (var lease = await server.Host.Pool.RentAsync(CancellationToken.None))
        {
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using var result = lease.Connection.Execute(Encoding.UTF8.GetBytes(sql), "RowBinaryWithNamesAndTypes", []);
                raw.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using var reader = await client.ExecuteReaderAsync(sql);
            while (reader.Read())
            {
            }

            http.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"| raw engine (chdb_query, in process), GROUP BY over {rows:N0} rows | {Percentile(raw, 0.5):F1} | {Percentile(raw, 0.95):F1} |");
        Console.WriteLine($"| ClickHouse.Driver through the endpoint, same query, rows read | {Percentile(http, 0.5):F1} | {Percentile(http, 0.95):F1} |");
    }

    private static IEnumerable<(string Name, IClickHouseCompressor? Compressor)> Compressors()
    {
        yield return ("zstd, the driver's default", ZstdCompressor.Default);
        yield return ("gzip", GZipCompressor.Default);
        yield return ("lz4", Lz4Compressor.Default);
        yield return ("uncompressed", null);
    }

    private static void Report(string path, List<TimeSpan> times, int rows)
    {
        var rates = times.Select(t => rows / t.TotalSeconds).Order().ToList();
        Console.WriteLine($"| {path} | {rates[^1]:N0} | {Percentile(rates, 0.5):N0} |");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
