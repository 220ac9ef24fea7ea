using System.Text.Json;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>
/// A row ClickHouse refuses does not block the log: the rest of its batch is stored once, the refused
/// row is kept aside with its reason in bad-rows.jsonl, and the flusher goes on. The refusal here is a
/// constraint an operator added (code 469), raised by the real engine on insert.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BadRowFacts(EngineFixture engine) : IDisposable
{
    private readonly DirectoryInfo logDirectory = Directory.CreateTempSubdirectory("icesco-bad-rows-");
    private readonly string database = "b_" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => logDirectory.Delete(recursive: true);

    [Fact]
    public async Task Refused_rows_are_kept_aside_with_their_reason_and_the_rest_of_the_batch_is_stored_once()
    {
        var site = TestEvents.RandomSite();
        using var app = App();
        var log = app.Services.GetRequiredService<WriteAheadLog>();
        await RefusePoisonAsync(app, log);

        var batch = Batch(site, out var poisoned);
        await app.Services.GetRequiredService<IEventSink>().AcceptAsync(batch, CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the batch flushed past its refused rows");

        await AssertStoredOnceAsync(site, pageViews: batch.Count(e => e.Kind == EventKind.PageView) - poisoned.Count, feedback: 3);
        var kept = KeptRows();
        Assert.Equal(poisoned.Order(), kept.Select(k => k.EventId).Order());
        Assert.All(kept, k =>
        {
            Assert.Equal("page_views", k.Table);
            Assert.Equal(469, k.Code);
            Assert.Contains("no_poison", k.Reason, StringComparison.Ordinal);
            Assert.Equal("/poison", k.Path);
        });

        // The flusher moved on: an event accepted afterwards is stored.
        var later = TestEvents.PageView(site);
        await app.Services.GetRequiredService<IEventSink>().AcceptAsync([later], CancellationToken.None);
        await Eventually.UntilAsync(() => ScalarAsync($"SELECT count() FROM {database}.page_views WHERE event_id = '{later.EventId}'"), n => n == 1, what: "an event after the bad batch");

        new ReliabilityFigure("Rows ClickHouse refuses", "a batch of 43 events with 2 rows a constraint refuses", batch.Count,
            $"0 lost: {batch.Count - poisoned.Count} stored once, {kept.Count} kept in bad-rows.jsonl with code 469", "flusher went on to the next batch").Record();
    }

    [Fact]
    public async Task A_split_batch_sent_again_after_a_restart_splits_the_same_way_and_stores_nothing_twice()
    {
        var site = TestEvents.RandomSite();
        var batch = Batch(site, out var poisoned);
        long batchStart, batchEnd;
        using (var first = App())
        {
            var log = first.Services.GetRequiredService<WriteAheadLog>();
            await RefusePoisonAsync(first, log);
            batchStart = log.Committed.Offset;
            await first.Services.GetRequiredService<IEventSink>().AcceptAsync(batch, CancellationToken.None);
            await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the batch flushed");
            batchEnd = log.Committed.Offset;
        }

        // As if the process died after the halves were stored but before the checkpoint moved.
        await PendingCheckpoint.SetAsync(logDirectory.FullName, batchStart, batchEnd);

        using (var second = App())
        {
            var log = second.Services.GetRequiredService<WriteAheadLog>();
            Assert.Equal(batch.Count, log.Backlog);
            await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the pending batch sent again");
        }

        var pageViews = batch.Count(e => e.Kind == EventKind.PageView) - poisoned.Count;
        await AssertStoredOnceAsync(site, pageViews, feedback: 3);
        Assert.Equal((ulong)pageViews, await ScalarAsync($"SELECT sum(views) FROM {database}.engagement_by_topic_1m WHERE site = '{site}'"));
        // Kept once per attempt; the event id tells the copies apart from new refusals.
        Assert.Equal(poisoned.Order(), KeptRows().Select(k => k.EventId).Distinct().Order());
    }

    [Fact]
    public async Task Only_a_refusal_of_the_rows_content_splits_a_batch_not_a_missing_table_or_a_failing_view()
    {
        await engine.Client.ExecuteNonQueryAsync($"CREATE DATABASE IF NOT EXISTS {database}");
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt32, CONSTRAINT small CHECK a < 10) ENGINE = MergeTree ORDER BY a");
        await engine.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.v_target (a UInt32) ENGINE = MergeTree ORDER BY a");
        await engine.Client.ExecuteNonQueryAsync($"CREATE MATERIALIZED VIEW {database}.v TO {database}.v_target AS SELECT throwIf(a = 5, 'view refuses') AS a FROM {database}.t");

        var constraint = await Record.ExceptionAsync(() => engine.Client.ExecuteNonQueryAsync($"INSERT INTO {database}.t VALUES (11)"));
        var missing = await Record.ExceptionAsync(() => engine.Client.ExecuteNonQueryAsync($"INSERT INTO {database}.no_such_table VALUES (1)"));
        var view = await Record.ExceptionAsync(() => engine.Client.ExecuteNonQueryAsync($"INSERT INTO {database}.t VALUES (5)"));

        Assert.True(RowRejection.IsRowRejection(constraint!), constraint!.Message);
        Assert.False(RowRejection.IsRowRejection(missing!), missing!.Message);
        Assert.False(RowRejection.IsRowRejection(view!), view!.Message);
    }

    /// <summary>40 page views of which 2 on /poison, and 3 feedback events.</summary>
    private static List<CollectedEvent> Batch(string site, out List<Guid> poisoned)
    {
        var batch = TestEvents.PageViews(40, site);
        batch[7] = batch[7] with { Path = "/poison" };
        batch[31] = batch[31] with { Path = "/poison" };
        poisoned = [batch[7].EventId, batch[31].EventId];
        batch.AddRange([TestEvents.Feedback(site), TestEvents.Feedback(site, rating: 1), TestEvents.Feedback(site, rating: 5)]);
        return batch;
    }

    /// <summary>Lets the app migrate (one event flushed), then has ClickHouse refuse page views on <c>/poison</c>.</summary>
    private async Task RefusePoisonAsync(CollectorApp app, WriteAheadLog log)
    {
        await app.Services.GetRequiredService<IEventSink>().AcceptAsync([TestEvents.PageView()], CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(log.Backlog), b => b == 0, what: "the schema migrated and a first event stored");
        await engine.Client.ExecuteNonQueryAsync($"ALTER TABLE {database}.page_views ADD CONSTRAINT no_poison CHECK path != '/poison'");
    }

    private async Task AssertStoredOnceAsync(string site, int pageViews, int feedback)
    {
        Assert.Equal((ulong)pageViews, await ScalarAsync($"SELECT count() FROM {database}.page_views WHERE site = '{site}'"));
        Assert.Equal((ulong)pageViews, await ScalarAsync($"SELECT uniqExact(event_id) FROM {database}.page_views WHERE site = '{site}'"));
        Assert.Equal((ulong)feedback, await ScalarAsync($"SELECT count() FROM {database}.feedback WHERE site = '{site}'"));
    }

    private List<KeptRow> KeptRows() =>
        [.. File.ReadAllLines(Path.Combine(logDirectory.FullName, BadRowFile.FileName)).Select(line =>
        {
            var json = JsonSerializer.Deserialize<JsonElement>(line);
            var e = json.GetProperty("event");
            return new KeptRow(json.GetProperty("table").GetString()!, json.GetProperty("code").GetInt32(), json.GetProperty("reason").GetString()!,
                e.GetProperty("event_id").GetGuid(), e.GetProperty("path").GetString()!);
        })];

    private sealed record KeptRow(string Table, int Code, string Reason, Guid EventId, string Path);

    private CollectorApp App() => new(engine, new Dictionary<string, string?>
    {
        ["ClickHouse:Database"] = database,
        ["DurableLog:Directory"] = logDirectory.FullName,
        ["DurableLog:FlushInterval"] = "00:00:00.100",
        ["DurableLog:RetryBackoffMax"] = "00:00:00.500",
    });

    private async Task<ulong> ScalarAsync(string sql) => Convert.ToUInt64(await engine.Client.ExecuteScalarAsync(sql), null);
}
