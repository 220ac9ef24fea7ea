namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>The page language: as the event says, else from the URL's first path segment (<c>/ar/</c>, <c>/en/</c>, <c>/fr/</c>).</summary>
public static class LanguageResolver
{
    public static string Resolve(string? declared, Uri url)
    {
        if (declared is "ar" or "en" or "fr")
        {
            return declared;
        }
        var path = url.AbsolutePath;
        foreach (var language in (ReadOnlySpan<string>)["ar", "en", "fr"])
        {
            if (path.Length > language.Length && path[0] == '/'
                && path.AsSpan(1).StartsWith(language, StringComparison.OrdinalIgnoreCase)
                && (path.Length == language.Length + 1 || path[language.Length + 1] == '/'))
            {
                return language;
            }
        }
        return "";
    }
}
