using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Collector.Tests.Infrastructure;
using Icesco.Insights.Collector.Tests.Ingestion;

namespace Icesco.Insights.Collector.Tests.Articles;

[Collection(EngineCollection.Name)]
public sealed class ArticlesApiFacts : IDisposable
{
    private const string Key = "test-key-7d1f0c";
    private readonly EngineFixture engine;
    private readonly CollectorApp app;

    public ArticlesApiFacts(EngineFixture engine)
    {
        this.engine = engine;
        app = new CollectorApp(engine, new Dictionary<string, string?>
        {
            ["Articles:ApiKeys:0:Name"] = "cms",
            ["Articles:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        });
    }

    public void Dispose() => app.Dispose();

    private HttpClient Client(string? key = Key)
    {
        var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    private static object Article(string id, string url, string topic = "culture", string[]? states = null) => new
    {
        url,
        titles = new { ar = "عنوان", en = "A title", fr = "Un titre" },
        topic,
        member_states = states ?? ["MA", "SN"],
        published_at = "2024-05-01T09:00:00Z",
        language = "en",
        translations = new[] { id + "-ar", id + "-fr" },
    };

    [Fact]
    public async Task A_put_without_a_key_is_answered_401()
    {
        var response = await Client(null).PutAsJsonAsync("/api/v1/articles/a1", Article("a1", "https://icesco.org/en/a1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_put_with_a_wrong_key_is_answered_403() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("not-the-key").PutAsJsonAsync("/api/v1/articles/a1", Article("a1", "https://icesco.org/en/a1"))).StatusCode);

    [Fact]
    public async Task A_put_with_the_key_stores_the_article_and_answers_what_was_stored()
    {
        var response = await Client().PutAsJsonAsync("/api/v1/articles/zz-en", Article("zz-en", "https://icesco.org/en/zz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("zz-en", "culture", "zz-en"), (stored.GetProperty("id").GetString(), stored.GetProperty("topic").GetString(), stored.GetProperty("translation_group").GetString()));
        var topic = await engine.Client.ExecuteScalarAsync($"SELECT topic FROM {app.Database}.articles FINAL WHERE article_id = 'zz-en'");
        Assert.Equal("culture", topic);
    }

    [Fact]
    public async Task An_unknown_topic_is_answered_400_naming_the_field()
    {
        var response = await Client().PutAsJsonAsync("/api/v1/articles/a2", Article("a2", "https://icesco.org/en/a2", topic: "sports"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("known-topic", errors.GetProperty("topic")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_put_names_the_failing_article_by_index()
    {
        var bulk = new object[]
        {
            new { id = "b1", url = "https://icesco.org/en/b1", topic = "education", language = "en", member_states = new[] { "MA" } },
            new { id = "b2", url = "https://icesco.org/en/b2", topic = "education", language = "en", member_states = new[] { "ZZ" } },
        };
        var response = await Client().PutAsJsonAsync("/api/v1/articles", bulk);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("articles[1].member_states[0]", out _));
    }

    [Fact]
    public async Task After_a_put_an_event_by_url_is_enriched_with_the_articles_topic()
    {
        var put = await Client().PutAsJsonAsync("/api/v1/articles", new object[]
        {
            new { id = "h-en", url = "https://www.icesco.org/en/2024/05/01/heritage-day/", topic = "heritage", language = "en", member_states = new[] { "EG" } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var id = Guid.NewGuid();
        var posted = await EventsApiFacts.PostAsync(app.CreateClient(), $$"""{"type":"pageview","event_id":"{{id}}","url":"https://icesco.org/en/2024/05/01/heritage-day?ref=x"}""", "text/plain");
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var topic = await Eventually.UntilAsync(
            () => engine.Client.ExecuteScalarAsync($"SELECT any(topic) || '/' || any(article_id) || '/' || arrayStringConcat(any(member_states), ',') FROM {app.Database}.page_views WHERE event_id = '{id}'"),
            t => t is string { Length: > 2 }, what: "the enriched page view");
        Assert.Equal("heritage/h-en/EG", topic);
    }
}
