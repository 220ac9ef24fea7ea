using System.Text;

namespace Icesco.Insights.Collector.Articles;

/// <summary>Checks article metadata against the known topics and member states; errors are keyed by field.</summary>
public static class ArticleValidator
{
    public const int MaxIdChars = 200;
    public const int MaxTitleChars = 1000;
    public const int MaxTranslations = 10;

    public static void Validate(
        ArticleRequest article, string prefix, IReadOnlySet<string> topics, IReadOnlySet<string> memberStates, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string rule, string message) => errors[prefix + field] = [$"{rule}: {message}"];

        if (string.IsNullOrWhiteSpace(article.Id) || article.Id.Length > MaxIdChars || article.Id.Any(char.IsWhiteSpace))
        {
            Fail("id", "required", $"id is required: up to {MaxIdChars} characters without spaces.");
        }
        if (string.IsNullOrWhiteSpace(article.Url) || !Uri.TryCreate(article.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || Encoding.UTF8.GetByteCount(article.Url) > 2000)
        {
            Fail("url", "absolute-http-url", "url must be an absolute http(s) URL of at most 2,000 bytes.");
        }
        if (article.Language is not ("ar" or "en" or "fr"))
        {
            Fail("language", "enum", "language must be \"ar\", \"en\" or \"fr\".");
        }
        if (string.IsNullOrWhiteSpace(article.Topic) || !topics.Contains(article.Topic))
        {
            Fail("topic", "known-topic", $"topic '{article.Topic}' is not a topic code of the topics table.");
        }
        var states = article.MemberStates ?? [];
        for (var i = 0; i < states.Count; i++)
        {
            if (!memberStates.Contains(states[i]))
            {
                Fail($"member_states[{i}]", "known-member-state", $"'{states[i]}' is not a code of the member_states table.");
            }
        }
        foreach (var (name, title) in new[] { ("ar", article.Titles?.Ar), ("en", article.Titles?.En), ("fr", article.Titles?.Fr) })
        {
            if (title is { Length: > MaxTitleChars })
            {
                Fail($"titles.{name}", "max-length", $"a title is at most {MaxTitleChars} characters.");
            }
        }
        var translations = article.Translations ?? [];
        if (translations.Count > MaxTranslations || translations.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxIdChars))
        {
            Fail("translations", "article-ids", $"translations holds at most {MaxTranslations} article ids, none empty.");
        }
    }

    /// <summary>The story's group: the smallest id among the article and its translations, the same from every language.</summary>
    public static string TranslationGroup(string id, IEnumerable<string>? translations) =>
        (translations ?? []).Append(id).Min(StringComparer.Ordinal)!;
}
