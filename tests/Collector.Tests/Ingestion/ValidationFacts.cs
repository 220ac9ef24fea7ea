using System.Text;
using System.Text.Json;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Ingestion.Validation;

namespace Icesco.Insights.Collector.Tests.Ingestion;

/// <summary>The bad-input catalogue as pure rules: one fact per rule, each naming its field.</summary>
public sealed class ValidationFacts
{
    private static readonly EventValidator Validator = new(new IngestionOptions().WithDefaults());

    private static (IncomingEvent? Event, List<Violation> Violations) Check(string json, string prefix = "")
    {
        using var document = JsonDocument.Parse(json);
        var violations = new List<Violation>();
        return (Validator.Validate(document.RootElement, 0, prefix, violations), violations);
    }

    private static void AssertBroken(string json, string field, string rule)
    {
        var (incoming, violations) = Check(json);
        Assert.Null(incoming);
        Assert.Contains(violations, v => v.Field == field && v.Rule == rule);
    }

    [Fact]
    public void A_complete_pageview_is_valid()
    {
        var (incoming, violations) = Check("""{"type":"pageview","event_id":"0b8f5b4e-6f1c-4f3e-9a59-3f1c8d7e2a11","url":"https://www.icesco.org/en/2024/01/01/x/","timestamp":"2024-01-01T10:00:00Z"}""");
        Assert.Empty(violations);
        Assert.Equal(EventKind.PageView, incoming!.Kind);
    }

    [Fact]
    public void Unknown_fields_are_ignored() =>
        Assert.Empty(Check("""{"type":"pageview","url":"https://icesco.org/ar/","screen":{"w":1},"x":[1,2]}""").Violations);

    [Fact]
    public void A_type_outside_the_enum_is_rejected() => AssertBroken("""{"type":"click","url":"https://icesco.org/"}""", "type", Rules.Enum);

    [Fact]
    public void A_missing_type_is_rejected() => AssertBroken("""{"url":"https://icesco.org/"}""", "type", Rules.Required);

    [Fact]
    public void A_field_of_the_wrong_json_type_is_rejected() => AssertBroken("""{"type":"pageview","url":42}""", "url", Rules.Type);

    [Fact]
    public void An_event_id_that_is_not_a_uuid_is_rejected() =>
        AssertBroken("""{"type":"pageview","event_id":"abc","url":"https://icesco.org/"}""", "event_id", Rules.Uuid);

    [Fact]
    public void A_missing_url_is_rejected() => AssertBroken("""{"type":"pageview"}""", "url", Rules.Required);

    [Fact]
    public void A_relative_url_is_rejected() => AssertBroken("""{"type":"pageview","url":"/en/news"}""", "url", Rules.AbsoluteHttpUrl);

    [Fact]
    public void An_ftp_url_is_rejected() => AssertBroken("""{"type":"pageview","url":"ftp://icesco.org/x"}""", "url", Rules.AbsoluteHttpUrl);

    [Fact]
    public void A_data_url_is_rejected() => AssertBroken("""{"type":"pageview","url":"data:text/html,<b>x</b>"}""", "url", Rules.ForbiddenScheme);

    [Fact]
    public void A_javascript_url_is_rejected() => AssertBroken("""{"type":"pageview","url":"javascript:alert(1)"}""", "url", Rules.ForbiddenScheme);

    [Theory]
    [InlineData("""{"type":"pageview","url":"https://ice\ufffdsco.org/"}""", "url")]
    [InlineData("""{"type":"pageview","url":"https://a\u0378b.org/"}""", "url")]
    [InlineData("""{"type":"pageview","url":"https://icesco.org/","referrer":"https://ice\ufffdsco.org/"}""", "referrer")]
    public void A_host_that_has_no_idna_form_is_rejected_not_a_500(string json, string field) =>
        // Found by fuzz/http-bodies.sh: Uri.TryCreate takes the host, and Uri.IdnHost (read by the drop rules) threw.
        AssertBroken(json, field, Rules.AbsoluteHttpUrl);

    [Fact]
    public void A_url_over_2000_bytes_is_rejected() =>
        AssertBroken($$"""{"type":"pageview","url":"https://icesco.org/{{new string('a', 2000)}}"}""", "url", Rules.MaxBytes);

    [Fact]
    public void A_url_measured_in_bytes_not_characters_is_rejected_when_arabic_makes_it_long() =>
        AssertBroken($$"""{"type":"pageview","url":"https://icesco.org/{{new string('ع', 1000)}}"}""", "url", Rules.MaxBytes);

    [Fact]
    public void Feedback_without_a_rating_is_rejected() => AssertBroken("""{"type":"feedback","url":"https://icesco.org/"}""", "rating", Rules.Required);

    [Fact]
    public void A_rating_above_the_scale_is_rejected_with_the_field_named() =>
        AssertBroken("""{"type":"feedback","url":"https://icesco.org/","rating":6}""", "rating", Rules.WithinScale);

    [Fact]
    public void A_rating_of_zero_is_rejected() => AssertBroken("""{"type":"feedback","url":"https://icesco.org/","rating":0}""", "rating", Rules.WithinScale);

    [Fact]
    public void A_fractional_rating_is_rejected() => AssertBroken("""{"type":"feedback","url":"https://icesco.org/","rating":3.5}""", "rating", Rules.WholeNumber);

    [Fact]
    public void A_rating_within_a_declared_accepted_scale_is_valid()
    {
        var (incoming, violations) = Check("""{"type":"feedback","url":"https://icesco.org/","rating":7,"scale":7}""");
        Assert.Empty(violations);
        Assert.Equal((7, 7), (incoming!.Rating, incoming.RatingScale));
    }

    [Fact]
    public void A_scale_not_in_the_accepted_list_is_rejected() =>
        AssertBroken("""{"type":"feedback","url":"https://icesco.org/","rating":2,"scale":6}""", "scale", Rules.AcceptedScale);

    [Fact]
    public void A_rating_on_a_pageview_is_rejected() => AssertBroken("""{"type":"pageview","url":"https://icesco.org/","rating":3}""", "rating", Rules.FeedbackOnly);

    [Fact]
    public void A_comment_on_a_pageview_is_rejected() => AssertBroken("""{"type":"pageview","url":"https://icesco.org/","comment":"hi"}""", "comment", Rules.FeedbackOnly);

    [Fact]
    public void A_comment_over_2000_characters_is_rejected() =>
        AssertBroken($$"""{"type":"feedback","url":"https://icesco.org/","rating":3,"comment":"{{new string('x', 2001)}}"}""", "comment", Rules.MaxLength);

    [Fact]
    public void A_comment_of_2000_arabic_characters_is_valid() =>
        Assert.Empty(Check($$"""{"type":"feedback","url":"https://icesco.org/","rating":3,"comment":"{{new string('ع', 2000)}}"}""").Violations);

    [Fact]
    public void A_language_outside_ar_en_fr_is_rejected() => AssertBroken("""{"type":"pageview","url":"https://icesco.org/","language":"de"}""", "language", Rules.Enum);

    [Fact]
    public void A_timestamp_that_is_not_iso_8601_is_rejected() =>
        AssertBroken("""{"type":"pageview","url":"https://icesco.org/","timestamp":"yesterday"}""", "timestamp", Rules.Timestamp);

    [Fact]
    public void An_escaped_lone_surrogate_is_rejected_as_invalid_text() =>
        AssertBroken("""{"type":"pageview","url":"https://icesco.org/","article_id":"\ud800"}""", "article_id", Rules.Utf8);

    [Theory]
    [InlineData("""{"type":"pageview","url":"https://icesco.org/","\ud800":1}""")]
    [InlineData("""{"\udc00x":"y","type":"pageview","url":"https://icesco.org/"}""")]
    public void A_lone_surrogate_in_a_property_name_is_rejected_as_invalid_text_not_thrown(string json) =>
        AssertBroken(json, "body", Rules.Utf8);

    [Fact]
    public void Fields_of_a_batch_event_are_named_with_its_index()
    {
        var (_, violations) = Check("""{"type":"feedback","url":"https://icesco.org/","rating":9}""", "events[3].");
        Assert.Contains(violations, v => v.Field == "events[3].rating" && v.Rule == Rules.WithinScale);
    }

    [Fact]
    public void Invalid_utf8_bytes_in_the_body_are_rejected()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"pageview","url":"https://icesco.org/","comment":"AB"}""");
        var at = Array.IndexOf(body, (byte)'A');
        body[at] = 0xC3;
        body[at + 1] = 0x28; // 0xC3 followed by a non-continuation byte
        Assert.Null(EventBodyParser.Parse(body, 1000, out var error));
        Assert.Equal(Rules.Utf8, error!.Rule);
    }

    [Fact]
    public void Malformed_json_is_rejected() =>
        Assert.Equal(Rules.JsonSyntax, Parse("""{"type":"pageview",""").Rule);

    [Fact]
    public void A_batch_over_the_limit_is_rejected() =>
        Assert.Equal(Rules.BatchSize, Parse("[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]").Rule);

    [Fact]
    public void An_empty_batch_is_rejected() => Assert.Equal(Rules.NotEmpty, Parse("[]").Rule);

    [Fact]
    public void A_body_that_is_neither_object_nor_array_is_rejected() => Assert.Equal(Rules.Type, Parse("\"pageview\"").Rule);

    private static Violation Parse(string json)
    {
        Assert.Null(EventBodyParser.Parse(Encoding.UTF8.GetBytes(json), 1000, out var error));
        return error!;
    }
}
