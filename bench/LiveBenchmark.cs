using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Icesco.Insights.EmbeddedClickHouse;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;

namespace Icesco.Insights.Bench;

/// <summary>
/// The live push end to end, with the services run as an operator runs them (separate processes, defaults unless
/// given): an embedded ClickHouse, the Collector, the Dashboard.
/// 1. Latency: one signed-in SignalR client on "all"; page views posted one by one through the Collector's API;
///    each view's latency is the time from its POST to the first Update whose total views include it.
/// 2. Fan-out: N clients on "all" over loopback WebSockets while views keep arriving; delivery rate (updates each
///    client received / updates the server pushed), delay from the server's tick to receipt, and the Dashboard's RSS.
/// dotnet run -c Release --project bench -- live [--events 200] [--interval-ms 100] [--clients 1000] [--seconds 30] [--tick 00:00:01]
/// </summary>
internal static partial class LiveBenchmark
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private const string Password = "bench password 1";

    public static async Task<int> RunAsync(string[] args)
    {
        var events = (int)Option(args, "--events", 200);
        var interval = TimeSpan.FromMilliseconds(Option(args, "--interval-ms", 100));
        var clients = (int)Option(args, "--clients", 1000);
        var seconds = (int)Option(args, "--seconds", 30);
        var tick = Text(args, "--tick", "00:00:01");
        var root = FindRoot();
        var data = Directory.CreateTempSubdirectory("icesco-bench-live-");
        await using var clickHouse = await EmbeddedClickHouseServer.StartAsync(new EmbeddedClickHouseOptions { DataPath = data.FullName, Port = 0 });
        string[] common = [$"--ClickHouse:ConnectionString={clickHouse.ConnectionString}", "--ClickHouse:Database=bench_live", "--Logging:LogLevel:Default=Warning"];
        using var collector = Start(Path.Combine(root, "Collector/bin/Release/net10.0/Icesco.Insights.Collector.dll"),
            [.. common, "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:5180", "--ClickHouse:Migrations:BlockStartup=true", $"--DurableLog:Directory={Path.Combine(data.FullName, "log")}"]);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5180") };
        await WaitHealthyAsync(http);
        var hash = new PasswordHasher<object>().HashPassword(null!, Password);
        using var dashboard = Start(Path.Combine(root, "Dashboard/bin/Release/net10.0/Icesco.Insights.Dashboard.dll"),
            [.. common, "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:5181", $"--Dashboard:DataDirectory={Path.Combine(data.FullName, "dashboard")}",
             "--Dashboard:Users:0:Name=bench", "--Dashboard:Users:0:Role=staff", $"--Dashboard:Users:0:PasswordHash={hash}", $"--Dashboard:Live:Tick={tick}"]);
        var dashboardUrl = new Uri("http://127.0.0.1:5181");
        using (var probe = new HttpClient { BaseAddress = dashboardUrl })
        {
            await WaitHealthyAsync(probe);
        }
        var cookie = await SignInAsync(dashboardUrl);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, chDB {clickHouse.EngineVersion}");
        Console.WriteLine($"Dashboard:Live:Tick {tick}, Collector DurableLog:FlushInterval default (1 s)");

        // 1. Latency.
        var latencies = new List<double>();
        {
            var totals = new ConcurrentQueue<(long Total, long At)>();
            await using var client = Connect(dashboardUrl, cookie, HttpTransportType.WebSockets);
            client.On<JsonElement>("Update", s => totals.Enqueue((TotalViews(s), Stopwatch.GetTimestamp())));
            client.On<JsonElement>("Snapshot", _ => { });
            await client.StartAsync();
            await client.InvokeAsync("Subscribe", "all");
            var posted = new long[events];
            for (var i = 0; i < events; i++)
            {
                posted[i] = Stopwatch.GetTimestamp();
                await PostViewAsync(http, i);
                await Task.Delay(interval);
            }
            var deadline = Stopwatch.StartNew();
            while (totals.LastOrDefault().Total < events && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
            var seen = totals.ToArray();
            for (var i = 0; i < events; i++)
            {
                var arrival = seen.FirstOrDefault(t => t.Total >= i + 1);
                if (arrival.At > 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(posted[i], arrival.At).TotalMilliseconds);
                }
            }
        }
        latencies.Sort();
        Console.WriteLine($"latency: {latencies.Count}/{events} views seen; p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies.LastOrDefault():F0} ms");

        // 2. Fan-out to many clients.
        var received = new long[clients];
        var delays = new ConcurrentBag<double>();
        var connections = new List<HubConnection>();
        var rssBefore = RssMegabytes(dashboard.Id);
        for (var i = 0; i < clients; i++)
        {
            var index = i;
            var connection = Connect(dashboardUrl, cookie, HttpTransportType.WebSockets);
            connection.On<JsonElement>("Update", s =>
            {
                Interlocked.Increment(ref received[index]);
                if (index % 10 == 0)
                {
                    delays.Add((DateTimeOffset.UtcNow - s.GetProperty("at").GetDateTimeOffset()).TotalMilliseconds);
                }
            });
            connection.On<JsonElement>("Snapshot", _ => { });
            connections.Add(connection);
        }
        var connectClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, token) =>
        {
            await c.StartAsync(token);
            await c.InvokeAsync("Subscribe", "all", token);
        });
        Console.WriteLine($"fan-out: {clients} clients connected and subscribed in {connectClock.Elapsed.TotalSeconds:F1} s; Dashboard RSS {rssBefore:F0} MB before, {RssMegabytes(dashboard.Id):F0} MB after");
        await using var counter = Connect(dashboardUrl, cookie, HttpTransportType.WebSockets);
        long pushed = 0;
        counter.On<JsonElement>("Update", _ => Interlocked.Increment(ref pushed));
        counter.On<JsonElement>("Snapshot", _ => { });
        await counter.StartAsync();
        await counter.InvokeAsync("Subscribe", "all");
        Array.Clear(received);
        var peakRss = 0.0;
        var run = Stopwatch.StartNew();
        var n = events;
        while (run.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await PostViewAsync(http, n++);
            peakRss = Math.Max(peakRss, RssMegabytes(dashboard.Id));
            await Task.Delay(100);
        }
        var settle = Stopwatch.StartNew();
        while (received.Min() < Interlocked.Read(ref pushed) && settle.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }
        var expected = Interlocked.Read(ref pushed) * clients;
        var got = received.Sum();
        var sortedDelays = delays.Order().ToList();
        Console.WriteLine($"fan-out: {Interlocked.Read(ref pushed)} updates pushed in {seconds} s while {n - events} views arrived; delivered {got:N0} of {expected:N0} ({100.0 * got / Math.Max(1, expected):F2} %), {got / (double)seconds:N0} messages/s");
        Console.WriteLine($"fan-out: tick-to-client delay p50 {Percentile(sortedDelays, 0.50):F0} ms, p95 {Percentile(sortedDelays, 0.95):F0} ms; Dashboard RSS peak {peakRss:F0} MB");
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        dashboard.Kill(entireProcessTree: true);
        collector.Kill(entireProcessTree: true);
        return 0;
    }

    private static long TotalViews(JsonElement state) =>
        state.GetProperty("viewsPerMinute").GetProperty("byTopic").EnumerateArray()
            .Sum(series => series.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("views").GetInt64()));

    private static async Task PostViewAsync(HttpClient http, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent($$"""{"type":"pageview","url":"https://www.icesco.org/en/bench-{{i % 20}}/"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd(Chrome);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"the Collector answered {(int)response.StatusCode}");
        }
    }

    private static HubConnection Connect(Uri dashboard, string cookie, HttpTransportType transport) =>
        new HubConnectionBuilder().WithUrl(new Uri(dashboard, "/hubs/engagement"), o =>
        {
            o.Transports = transport;
            o.SkipNegotiation = transport == HttpTransportType.WebSockets;
            o.Headers["Cookie"] = cookie;
        }).Build();

    private static async Task<string> SignInAsync(Uri dashboard)
    {
        using var handler = new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = dashboard };
        var form = await http.GetStringAsync("/account/sign-in");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "bench", ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        }
        return handler.CookieContainer.GetCookieHeader(dashboard);
    }

    private static Process Start(string dll, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                using var response = await http.GetAsync("/alive");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{http.BaseAddress} did not come up");
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Icesco.Insights.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("run from within the repository");
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? args[index + 1] : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
