using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Tests.Infrastructure;
using Icesco.Insights.Storage.ClickHouse;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Icesco.Insights.Dashboard.Tests.Explore;

/// <summary>
/// <c>/api/v1/explore/feedback</c> over the ratings of <see cref="RawEvents.ExploreStoryAsync"/>, copied into
/// <c>feedback_explorer</c> by the engine's materialized view as in production.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class FeedbackApiFacts(EngineFixture engine) : IAsyncLifetime, IDisposable
{
    private const string Week = "period=custom&from=2026-03-02&to=2026-03-08";

    private DashboardApp app = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(engine);
        app = new DashboardApp(engine, database);
        await new RawEvents(engine, database).ExploreStoryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app?.Dispose();

    [Fact]
    public async Task Every_rating_comes_newest_first_with_its_article_and_pages_cover_all_of_them_once()
    {
        var first = await GetJsonAsync($"/api/v1/explore/feedback?{Week}");
        Assert.Equal(5, first.GetProperty("total").GetInt64());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(RawEvents.KazanComments.Reverse().Select(c => c.Comment), items.Select(i => i.GetProperty("comment").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("next").ValueKind);
        var newest = items[0];
        Assert.Equal(("kazan-fr", 3, 5, "fr"), (newest.GetProperty("articleId").GetString(), newest.GetProperty("rating").GetInt32(), newest.GetProperty("scale").GetInt32(), newest.GetProperty("language").GetString()));
        Assert.Equal(RawEvents.Kazan[2].Title, newest.GetProperty("article").GetProperty("fr").GetString());
        Assert.Equal("kazan-forum", newest.GetProperty("article").GetProperty("translationGroup").GetString());

        var seen = new List<string?>();
        var next = "";
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"/api/v1/explore/feedback?{Week}&limit=2{(next.Length > 0 ? "&before=" + next : "")}");
            Assert.Equal(5, page.GetProperty("total").GetInt64());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            next = page.GetProperty("next").GetString() ?? "";
            pages++;
        }
        while (next.Length > 0);
        Assert.Equal(3, pages);
        Assert.Equal(items.Select(i => i.GetProperty("id").GetString()), seen);
    }

    [Theory]
    [InlineData("التعليم", "مقالٌ رائعٌ عن التَّعليمِ في قازانَ")] // typed without the diacritics of the stored text
    [InlineData("قازان رائع", "مقالٌ رائعٌ عن التَّعليمِ في قازانَ")] // every word must appear
    [InlineData("ecole", "=HYPERLINK(\"http://x.example\") l'école mérite mieux")] // French accents ignored
    [InlineData("GREAT", "Great coverage of the forum")]
    public async Task A_search_finds_the_comment_as_readers_type_it(string q, string expected)
    {
        var page = await GetJsonAsync($"/api/v1/explore/feedback?{Week}&q={Uri.EscapeDataString(q)}");
        Assert.Equal([expected], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("comment").GetString()));
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("أدارة", "ادارة", true)] // alef with hamza above
    [InlineData("إدارة", "اداره", true)] // alef with hamza below; taa marbuta typed as haa
    [InlineData("آمِنَة", "امنه", true)] // alef madda; diacritics
    [InlineData("مستشفى", "مستشفي", true)] // alef maqsura typed as yaa
    [InlineData("مـــدرســـة", "مدرسة", true)] // tatweel
    [InlineData("Éducation", "education", true)]
    [InlineData("مدرسة", "مدرس", false)]
    [InlineData("قلم", "علم", false)]
    public async Task The_engine_normalises_arabic_letter_forms_diacritics_and_tatweel(string written, string typed, bool same)
    {
        var sql = $"SELECT {SearchText.SqlExpression("{a:String}")} = {SearchText.SqlExpression("{b:String}")}";
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("a", written);
        parameters.AddParameter("b", typed);
        Assert.Equal(same, Convert.ToInt32(await engine.Client.ExecuteScalarAsync(sql, parameters), CultureInfo.InvariantCulture) == 1);
    }

    [Theory]
    [InlineData("rating=5", 1)]
    [InlineData("language=fr", 2)]
    [InlineData("comments=with", 4)]
    [InlineData("article=kazan-en", 5)] // an article id stands for its whole story
    [InlineData("article=unknown-story", 0)]
    [InlineData("country=EG", 1)]
    [InlineData("topic=education", 0)]
    [InlineData("language=fr&comments=with", 1)]
    public async Task Filters_narrow_the_answers(string filter, int expected)
    {
        var page = await GetJsonAsync($"/api/v1/explore/feedback?{Week}&{filter}");
        Assert.Equal(expected, page.GetProperty("total").GetInt64());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_review_mark_is_kept_with_who_and_when_and_managers_filter_on_unreviewed()
    {
        var staff = await Staff();
        var target = (await GetJsonAsync($"/api/v1/explore/feedback?{Week}&q=GREAT")).GetProperty("items")[0].GetProperty("id").GetString();
        var token = await TokenAsync(staff);

        var refused = await staff.SendAsync(Review(target!, true, token: null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var marked = await staff.SendAsync(Review(target!, true, token));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var answer = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TestUsers.Of(DashboardRoles.Staff), answer.GetProperty("by").GetString());

        var manager = await Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Manager));
        var unreviewed = await (await manager.GetAsync($"/api/v1/explore/feedback?{Week}&review=unreviewed")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, unreviewed.GetProperty("total").GetInt64());
        Assert.DoesNotContain(target, unreviewed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var reviewed = await GetJsonAsync($"/api/v1/explore/feedback?{Week}&review=reviewed");
        var item = Assert.Single(reviewed.GetProperty("items").EnumerateArray());
        Assert.Equal(target, item.GetProperty("id").GetString());
        Assert.Equal(TestUsers.Of(DashboardRoles.Staff), item.GetProperty("review").GetProperty("by").GetString());

        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(Review(target!, false, token))).StatusCode);
        Assert.Equal(4, (await GetJsonAsync($"/api/v1/explore/feedback?{Week}&review=unreviewed")).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SendAsync(Review(Guid.NewGuid().ToString(), true, token))).StatusCode);
    }

    [Fact]
    public async Task The_csv_holds_every_match_with_formula_cells_defused()
    {
        var response = await (await Staff()).GetAsync($"/api/v1/explore/feedback.csv?{Week}&comments=with");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("time_utc,rating,scale,comment,", text, StringComparison.Ordinal);
        Assert.Contains(",2,5,\"'=HYPERLINK(\"\"http://x.example\"\") l'école mérite mieux\",kazan-fr,", text, StringComparison.Ordinal);
        Assert.Equal(5, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("rating=0", "rating", "range:")]
    [InlineData("review=maybe", "review", "one-of:")]
    [InlineData("comments=some", "comments", "one-of:")]
    [InlineData("limit=1000", "limit", "range:")]
    [InlineData("before=yesterday", "before", "format:")]
    [InlineData("q=a+b+c+d+e+f+g+h+i", "q", "range:")]
    [InlineData("language=de", "language", "one-of:")]
    public async Task A_wrong_parameter_is_a_400_naming_it_and_its_rule(string query, string field, string rule)
    {
        var response = await (await Staff()).GetAsync($"/api/v1/explore/feedback?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith(rule, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_routes_are_for_signed_in_staff_and_are_in_the_api_document()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/explore/feedback?{Week}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/explore/feedback.csv?{Week}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/explore/feedback/{Guid.NewGuid()}/review", new { reviewed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/explore/feedback")).StatusCode);

        var document = await (await (await Staff()).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/explore/feedback", "/api/v1/explore/feedback.csv", "/api/v1/explore/feedback/{id}/review" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Review(string id, bool reviewed, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/explore/feedback/{id}/review") { Content = JsonContent.Create(new { reviewed }) };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return request;
    }

    private static async Task<string> TokenAsync(Browser browser)
    {
        var page = await (await browser.GetAsync("/explore/feedback")).Content.ReadAsStringAsync();
        return TokenMeta().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The feedback page has no antiforgery token.");
    }

    private Task<Browser> Staff() => Browser.SignedInAsync(app, TestUsers.Of(DashboardRoles.Staff));

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await (await Staff()).GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenMeta();
}
