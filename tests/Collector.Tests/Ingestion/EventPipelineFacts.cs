using System.Net;
using System.Text.Json;
using ClickHouse.Driver;
using Icesco.Insights.Collector.Articles;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>The pipeline in process, without I/O: validate → drop-or-keep → enrich.</summary>
public sealed class EventPipelineFacts : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static readonly byte[] Salt = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ClickHouseClient unusedClient = new("Host=127.0.0.1;Port=9;Protocol=http"); // never called: nothing is flushed
    private readonly ArticleCatalog catalog;
    private readonly EventPipeline pipeline;

    public EventPipelineFacts()
    {
        var options = Options.Create(new IngestionOptions().WithDefaults());
        catalog = new ArticleCatalog(time);
        var recorder = new UnknownArticleRecorder(unusedClient, Options.Create(new ClickHouseOptions()), options, time, NullLogger<UnknownArticleRecorder>.Instance);
        pipeline = new EventPipeline(new EventEnricher(catalog, recorder, options, time), new IngestionMetrics(metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), options);
    }

    public void Dispose()
    {
        metrics.Dispose();
        unusedClient.Dispose();
    }

    private PipelineResult Run(string json, string userAgent = Chrome, string ip = "198.51.100.23")
    {
        using var document = JsonDocument.Parse(json);
        return pipeline.Process(document.RootElement, new RequestFacts(IPAddress.Parse(ip), userAgent, "MA"), Salt);
    }

    [Fact]
    public void A_batch_with_invalid_events_keeps_its_valid_ones()
    {
        var result = Run("""
            [{"type":"pageview","url":"https://icesco.org/en/a"},
             {"type":"feedback","url":"https://icesco.org/en/a","rating":9},
             {"type":"pageview","url":"https://www.icesco.org/fr/b"}]
            """);
        Assert.Equal(2, result.Kept.Count);
        Assert.False(result.IsRejectedWhole);
        var violation = Assert.Single(result.Violations);
        Assert.Equal((1, "events[1].rating", "within-scale"), (violation.Index, violation.Field, violation.Rule));
    }

    [Fact]
    public void A_batch_with_no_valid_event_is_rejected_whole() =>
        Assert.True(Run("""[{"type":"x","url":"https://icesco.org/"},{"type":"pageview"}]""").IsRejectedWhole);

    [Fact]
    public void A_timestamp_more_than_five_minutes_ahead_is_clamped_to_server_time()
    {
        var ahead = time.GetUtcNow().AddMinutes(6).ToString("O");
        var near = time.GetUtcNow().AddMinutes(4);
        var result = Run($$"""[{"type":"pageview","url":"https://icesco.org/en/a","timestamp":"{{ahead}}"},{"type":"pageview","url":"https://icesco.org/en/a","timestamp":"{{near:O}}"}]""");
        Assert.Equal(time.GetUtcNow().UtcDateTime, result.Kept[0].EventTime);
        Assert.Equal(near.UtcDateTime, result.Kept[1].EventTime);
    }

    [Fact]
    public void An_unknown_article_is_kept_under_topic_unknown()
    {
        var stored = Assert.Single(Run("""{"type":"pageview","url":"https://icesco.org/en/unknown-story/","article_id":"a-404"}""").Kept);
        Assert.Equal(("unknown", "a-404"), (stored.Topic, stored.ArticleId));
        Assert.Empty(stored.MemberStates);
    }

    [Fact]
    public void An_event_is_enriched_from_the_catalogue_by_url_without_query_or_www()
    {
        catalog.Upsert([new ArticleInfo("en-42", "https://www.icesco.org/en/2024/05/01/story/", "en", "culture", ["MA", "SN"])]);
        var stored = Assert.Single(Run("""{"type":"pageview","url":"https://icesco.org/en/2024/05/01/story?utm_source=x#top"}""").Kept);
        Assert.Equal(("en-42", "culture", "en", "https://icesco.org/en/2024/05/01/story"), (stored.ArticleId, stored.Topic, stored.Language, stored.Url));
        Assert.Equal(["MA", "SN"], stored.MemberStates);
    }

    [Fact]
    public void The_stored_event_holds_neither_the_ip_nor_the_user_agent()
    {
        var stored = Assert.Single(Run("""{"type":"feedback","url":"https://icesco.org/ar/","rating":4,"comment":"mail me at x@y.com"}""", ip: "198.51.100.77").Kept);
        var json = JsonSerializer.Serialize(stored);
        Assert.DoesNotContain("198.51.100.77", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Chrome/126", json, StringComparison.Ordinal);
        Assert.Equal("mail me at [email]", stored.Comment);
        Assert.Equal(("ar", "desktop", "MA", (byte)4, (byte)5), (stored.Language, stored.Device, stored.Country, stored.Rating, stored.RatingScale));
        Assert.NotEqual(0UL, stored.VisitorHash);
    }

    [Fact]
    public void Events_without_an_id_get_one_and_client_ids_are_kept()
    {
        var result = Run("""[{"type":"pageview","url":"https://icesco.org/"},{"type":"pageview","url":"https://icesco.org/","event_id":"6f1c0b8f-5b4e-4f3e-9a59-3f1c8d7e2a11"}]""");
        Assert.NotEqual(Guid.Empty, result.Kept[0].EventId);
        Assert.Equal(Guid.Parse("6f1c0b8f-5b4e-4f3e-9a59-3f1c8d7e2a11"), result.Kept[1].EventId);
    }

    [Fact]
    public void A_bot_event_is_dropped_and_counted_by_reason()
    {
        var result = Run("""[{"type":"pageview","url":"https://icesco.org/"},{"type":"pageview","url":"https://icesco.org/"}]""", userAgent: "HeadlessChrome/120");
        Assert.Empty(result.Kept);
        Assert.Equal(2, result.Dropped[DropReason.Bot]);
    }

    [Fact]
    public void A_referrer_on_the_site_itself_is_not_recorded_as_a_referrer_host()
    {
        var result = Run("""[{"type":"pageview","url":"https://icesco.org/","referrer":"https://www.icesco.org/en/"},{"type":"pageview","url":"https://icesco.org/","referrer":"https://news.example.com/a"}]""");
        Assert.Equal(["", "news.example.com"], result.Kept.Select(e => e.ReferrerHost));
    }
}
