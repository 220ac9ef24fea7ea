using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Icesco.Insights.Simulator.Http;
using Icesco.Insights.Simulator.Traffic;

namespace Icesco.Insights.Simulator.Load;

/// <summary>
/// The load generator the benchmarks use: realistic event batches from the traffic model, started
/// on an open-loop schedule (rate ÷ batch requests per second), each request timed.
/// </summary>
public sealed class LoadGenerator(TrafficModel model, CollectorClient client, LoadOptions options, TimeProvider time)
{
    public async Task<LoadReport> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var interval = TimeSpan.FromSeconds(options.Batch / options.Rate);
        var latencies = new ConcurrentBag<TimeSpan>();
        var errors = new ConcurrentDictionary<string, int>();
        long sent = 0, accepted = 0;
        int requests = 0, skipped = 0, inFlight = 0;
        var running = new List<Task>();

        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(5);
        for (var k = 0L; ; k++)
        {
            var due = interval * k;
            if (due >= options.Duration)
            {
                break;
            }
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            if (Volatile.Read(ref inFlight) >= options.Concurrency)
            {
                skipped++;
                continue;
            }
            var events = model.EventsAt(time.GetUtcNow(), options.Batch, random);
            var visitor = events[0].Visitor;
            var body = SimEvent.Batch(events);
            Interlocked.Increment(ref inFlight);
            requests++;
            sent += events.Count;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    var outcome = await client.PostOnceAsync(visitor, body, cancellationToken);
                    latencies.Add(outcome.Latency);
                    Interlocked.Add(ref accepted, outcome.Accepted + outcome.Duplicates);
                    if (!outcome.Ok)
                    {
                        errors.AddOrUpdate(((int)outcome.Status).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    }
                    else if (outcome.Rejected > 0)
                    {
                        errors.AddOrUpdate("202 with rejected events", outcome.Rejected, (_, n) => n + outcome.Rejected);
                    }
                }
                catch (HttpRequestException e)
                {
                    // A refused or reset connection is a result of the run, counted by its kind.
                    errors.AddOrUpdate(e.HttpRequestError.ToString(), 1, (_, n) => n + 1);
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    errors.AddOrUpdate(nameof(HttpStatusCode.RequestTimeout), 1, (_, n) => n + 1);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }, CancellationToken.None));
            if (clock.Elapsed >= nextReport)
            {
                progress.Report(string.Create(CultureInfo.InvariantCulture,
                    $"load: {clock.Elapsed.TotalSeconds:F0} s, {requests:N0} requests, {Interlocked.Read(ref accepted) / clock.Elapsed.TotalSeconds:N0} events/s accepted"));
                nextReport += TimeSpan.FromSeconds(5);
            }
        }
        await Task.WhenAll(running);
        return new LoadReport(options.Rate, clock.Elapsed, requests, sent, accepted, skipped, [.. latencies], errors);
    }
}
