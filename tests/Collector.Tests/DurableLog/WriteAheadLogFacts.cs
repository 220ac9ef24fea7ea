using Icesco.Insights.Collector.Ingestion;
using Microsoft.Extensions.Logging;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>The log on a real disk: what is acknowledged is there after a restart, damage is found, bounds hold.</summary>
public sealed class WriteAheadLogFacts : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("icesco-wal-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task Appended_events_replay_unchanged_after_a_restart()
    {
        var events = new List<CollectedEvent>(TestEvents.PageViews(20)) { TestEvents.Feedback(), TestEvents.Feedback(rating: 1, comment: "") };
        var log = LogUnderTest.Open(directory.FullName);
        var result = await log.Sink.AcceptAsync(events, CancellationToken.None);
        Assert.Equal(new SinkResult(events.Count, 0, null), result);

        await using var reopened = log.Reopen();

        Assert.Equal(events.Count, reopened.Log.Backlog);
        var replayed = SegmentFile.Records(directory.FullName).Select(r => r.Event).ToList();
        Assert.Equal(events.Count, replayed.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(events[i] with { MemberStates = [] }, replayed[i] with { MemberStates = [] });
            Assert.Equal(events[i].MemberStates, replayed[i].MemberStates);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public async Task A_last_record_cut_short_by_a_crash_is_cut_off_with_a_warning_and_earlier_records_survive(int missingBytes)
    {
        var log = LogUnderTest.Open(directory.FullName);
        await log.Sink.AcceptAsync(TestEvents.PageViews(5), CancellationToken.None);
        await log.AcceptAsync(TestEvents.PageView());
        await log.DisposeAsync();
        var (file, lastOffset, _) = SegmentFile.Records(directory.FullName)[^1];
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - missingBytes);
        }

        await using var reopened = log.Reopen();

        Assert.Equal(5, reopened.Log.Backlog);
        Assert.Equal(lastOffset, new FileInfo(file).Length);
        Assert.Empty(reopened.Log.Damage);
        Assert.Contains(reopened.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(file, StringComparison.Ordinal)
            && e.Message.Contains($"byte {lastOffset}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Garbage_after_the_last_record_is_cut_off_and_the_records_before_it_survive()
    {
        var log = LogUnderTest.Open(directory.FullName);
        await log.Sink.AcceptAsync(TestEvents.PageViews(5), CancellationToken.None);
        await log.DisposeAsync();
        var file = SegmentFile.All(directory.FullName)[^1];
        var intactLength = new FileInfo(file).Length;
        var garbage = new byte[300];
        new Random(7).NextBytes(garbage);
        await File.AppendAllBytesAsync(file, garbage);

        await using var reopened = log.Reopen();

        Assert.Equal(5, reopened.Log.Backlog);
        Assert.Equal(intactLength, new FileInfo(file).Length);
        Assert.Empty(reopened.Log.Damage);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_middle_record_is_reported_as_damage_and_nothing_is_cut()
    {
        var log = LogUnderTest.Open(directory.FullName);
        await log.Sink.AcceptAsync(TestEvents.PageViews(10), CancellationToken.None);
        await log.DisposeAsync();
        var (file, offset, _) = SegmentFile.Records(directory.FullName)[4];
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[offset + 40] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        await using var reopened = log.Reopen();

        var damage = Assert.Single(reopened.Log.Damage);
        Assert.Equal((file, offset), damage);
        Assert.Equal(bytes.Length, new FileInfo(file).Length);
        Assert.Contains(reopened.Logger.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains($"byte {offset} of {file}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_log_answers_retry_after_and_stores_nothing_of_the_request()
    {
        await using var log = LogUnderTest.Open(directory.FullName, o => (o.MaxDiskBytes, o.SegmentSize) = (1024 * 1024, 64 * 1024));
        SinkResult result;
        var stored = 0;
        do
        {
            result = await log.Sink.AcceptAsync(TestEvents.PageViews(100), CancellationToken.None);
            stored += result.Stored;
        }
        while (!result.IsFull);

        Assert.Equal(new SinkResult(0, 0, log.Options.RetryAfter), result);
        Assert.True(log.Log.IsFull);
        Assert.True(log.Log.DiskBytes <= log.Options.MaxDiskBytes);
        Assert.Equal(stored, log.Log.Backlog);
        Assert.Equal(stored, SegmentFile.Records(directory.FullName).Count);
        Assert.Equal(0, stored % 100); // requests are stored whole or not at all
    }

    [Fact]
    public async Task The_same_event_id_is_stored_once_within_a_call_across_calls_and_across_a_restart()
    {
        var log = LogUnderTest.Open(directory.FullName);
        var view = TestEvents.PageView();

        Assert.Equal(new SinkResult(1, 2, null), await log.AcceptAsync(view, view, view));
        Assert.Equal(new SinkResult(1, 1, null), await log.AcceptAsync(view, TestEvents.PageView()));
        await using var reopened = log.Reopen();
        Assert.Equal(new SinkResult(0, 1, null), await reopened.AcceptAsync(view));

        Assert.Single(SegmentFile.Records(directory.FullName), r => r.Event.EventId == view.EventId);
        Assert.Equal(2, reopened.Log.Backlog);
    }

    [Fact]
    public async Task Concurrent_appends_all_complete_and_all_their_records_are_on_disk()
    {
        await using var log = LogUnderTest.Open(directory.FullName, o => o.SegmentSize = 64 * 1024);
        var requests = Enumerable.Range(0, 100).Select(_ => TestEvents.PageViews(10)).ToList();

        var results = await Task.WhenAll(requests.Select(r => Task.Run(async () => await log.Sink.AcceptAsync(r, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(new SinkResult(10, 0, null), r));
        var onDisk = SegmentFile.Records(directory.FullName).Select(r => r.Event.EventId).ToHashSet();
        Assert.Equal(1000, onDisk.Count);
        Assert.All(requests.SelectMany(r => r), e => Assert.Contains(e.EventId, onDisk));
        Assert.True(SegmentFile.All(directory.FullName).Count > 1, "64 KiB segments should have rolled");
    }

    [Fact]
    public async Task A_restart_keeps_the_backlog_and_appends_to_a_new_segment()
    {
        var log = LogUnderTest.Open(directory.FullName);
        await log.Sink.AcceptAsync(TestEvents.PageViews(3), CancellationToken.None);
        await using var reopened = log.Reopen();
        await reopened.Sink.AcceptAsync(TestEvents.PageViews(4), CancellationToken.None);

        Assert.Equal(7, reopened.Log.Backlog);
        Assert.Equal(2, SegmentFile.All(directory.FullName).Count);
        Assert.Equal(7, SegmentFile.Records(directory.FullName).Count);
    }
}
