using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Icesco.Insights.Collector.Ingestion.Validation;

/// <summary>
/// Checks one event object against the wire format and turns it into an <see cref="IncomingEvent"/>.
/// Every broken rule is reported (not only the first), each naming its field; unknown fields are ignored.
/// </summary>
public sealed class EventValidator(int defaultScale, Func<int, bool> acceptsScale)
{
    public const int MaxUrlBytes = 2000;
    public const int MaxCommentChars = 2000;
    public const int MaxArticleIdChars = 200;

    public EventValidator(IngestionOptions options)
        : this(options.RatingScale, options.AcceptsScale)
    {
    }

    /// <summary>
    /// Validates <paramref name="element"/> (the event at <paramref name="index"/>); returns null and adds to
    /// <paramref name="violations"/> when it breaks a rule. <paramref name="prefix"/> is put before field names:
    /// empty for a single event, <c>events[3].</c> in a batch.
    /// </summary>
    public IncomingEvent? Validate(JsonElement element, int index, string prefix, List<Violation> violations)
    {
        try
        {
            return ValidateFields(element, index, prefix, violations);
        }
        catch (InvalidOperationException)
        {
            // A property name with an escaped lone surrogate (\ud800): looking up any name in the object decodes it
            // and throws (found by fuzzing); values are checked where they are read.
            violations.Add(new Violation(index, prefix.Length > 0 ? prefix.TrimEnd('.') : "body", Rules.Utf8, "A property name is not valid UTF-8 text."));
            return null;
        }
    }

    private IncomingEvent? ValidateFields(JsonElement element, int index, string prefix, List<Violation> violations)
    {
        var before = violations.Count;
        void Fail(string field, string rule, string message) => violations.Add(new Violation(index, prefix + field, rule, message));

        if (element.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new Violation(index, prefix.Length > 0 ? prefix.TrimEnd('.') : "body", Rules.Type, "An event must be a JSON object."));
            return null;
        }

        var typeText = ReadString(element, "type", Fail);
        EventKind? kind = typeText switch
        {
            null => null,
            "pageview" => EventKind.PageView,
            "feedback" => EventKind.Feedback,
            _ => null,
        };
        if (typeText is null && !Has(element, "type"))
        {
            Fail("type", Rules.Required, "type is required: \"pageview\" or \"feedback\".");
        }
        else if (typeText is not null && kind is null)
        {
            Fail("type", Rules.Enum, "type must be \"pageview\" or \"feedback\".");
        }

        Guid? eventId = null;
        var idText = ReadString(element, "event_id", Fail);
        if (idText is not null)
        {
            if (Guid.TryParse(idText, out var id) && id != Guid.Empty)
            {
                eventId = id;
            }
            else
            {
                Fail("event_id", Rules.Uuid, "event_id must be a UUID.");
            }
        }

        DateTimeOffset? timestamp = null;
        var timeText = ReadString(element, "timestamp", Fail);
        if (timeText is not null)
        {
            if (DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                Fail("timestamp", Rules.Timestamp, "timestamp must be an ISO-8601 date and time.");
            }
        }

        var url = ReadUrl(element, "url", required: true, Fail);
        var referrer = ReadUrl(element, "referrer", required: false, Fail);

        var articleId = ReadString(element, "article_id", Fail);
        if (articleId is not null && articleId.Length > MaxArticleIdChars)
        {
            Fail("article_id", Rules.MaxLength, $"article_id is at most {MaxArticleIdChars} characters.");
        }

        var language = ReadString(element, "language", Fail);
        if (language is not null && language is not ("ar" or "en" or "fr"))
        {
            Fail("language", Rules.Enum, "language must be \"ar\", \"en\" or \"fr\".");
        }

        var scale = defaultScale;
        var scaleValue = ReadInteger(element, "scale", Fail);
        if (scaleValue is not null)
        {
            if (acceptsScale((int)Math.Clamp(scaleValue.Value, int.MinValue, int.MaxValue)))
            {
                scale = (int)scaleValue.Value;
            }
            else
            {
                Fail("scale", Rules.AcceptedScale, $"scale {scaleValue} is not one this site's widget uses.");
            }
        }

        var rating = ReadInteger(element, "rating", Fail);
        var comment = ReadString(element, "comment", Fail);
        if (kind == EventKind.Feedback)
        {
            if (rating is null && !Has(element, "rating"))
            {
                Fail("rating", Rules.Required, "rating is required on feedback.");
            }
            else if (rating is not null && (rating < 1 || rating > scale))
            {
                Fail("rating", Rules.WithinScale, $"rating must be between 1 and {scale}.");
            }
        }
        else if (kind == EventKind.PageView)
        {
            if (Has(element, "rating"))
            {
                Fail("rating", Rules.FeedbackOnly, "rating is only allowed on feedback.");
            }
            if (Has(element, "comment"))
            {
                Fail("comment", Rules.FeedbackOnly, "comment is only allowed on feedback.");
            }
        }
        if (comment is not null && comment.EnumerateRunes().Count() > MaxCommentChars)
        {
            Fail("comment", Rules.MaxLength, $"comment is at most {MaxCommentChars} characters.");
        }

        if (violations.Count > before || kind is null || url is null)
        {
            return null;
        }
        return new IncomingEvent(
            index, kind.Value, eventId, timestamp, url, NullIfEmpty(articleId), language, referrer,
            (byte)(rating ?? 0), kind == EventKind.Feedback ? (byte)scale : (byte)0, NullIfEmpty(comment));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Has(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string? ReadString(JsonElement element, string name, Action<string, string, string> fail)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            fail(name, Rules.Type, $"{name} must be a string.");
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) decodes to text that is not valid Unicode.
            fail(name, Rules.Utf8, $"{name} is not valid UTF-8 text.");
            return null;
        }
    }

    private static long? ReadInteger(JsonElement element, string name, Action<string, string, string> fail)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            fail(name, Rules.Type, $"{name} must be a number.");
            return null;
        }
        if (!value.TryGetInt64(out var number))
        {
            fail(name, Rules.WholeNumber, $"{name} must be a whole number.");
            return null;
        }
        return number;
    }

    private static Uri? ReadUrl(JsonElement element, string name, bool required, Action<string, string, string> fail)
    {
        var text = ReadString(element, name, fail);
        if (text is null)
        {
            if (required && !Has(element, name))
            {
                fail(name, Rules.Required, $"{name} is required.");
            }
            return null;
        }
        if (Encoding.UTF8.GetByteCount(text) > MaxUrlBytes)
        {
            fail(name, Rules.MaxBytes, $"{name} is at most {MaxUrlBytes} bytes.");
            return null;
        }
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            fail(name, Rules.ForbiddenScheme, $"{name} must not be a data: or javascript: URL.");
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            fail(name, Rules.AbsoluteHttpUrl, $"{name} must be an absolute http(s) URL.");
            return null;
        }
        if (!HasIdnHost(uri))
        {
            fail(name, Rules.AbsoluteHttpUrl, $"{name} has a host name that is not valid under IDNA.");
            return null;
        }
        return uri;
    }

    /// <summary>
    /// Whether the host has an IDNA (punycode) form, which the drop rules and the enricher read. <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/>
    /// accepts hosts holding characters IDNA forbids (U+FFFD, unassigned code points), whose <see cref="Uri.IdnHost"/> then
    /// throws: a 500 found by fuzz/http-bodies.sh.
    /// </summary>
    private static bool HasIdnHost(Uri uri)
    {
        try
        {
            _ = uri.IdnHost;
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}
