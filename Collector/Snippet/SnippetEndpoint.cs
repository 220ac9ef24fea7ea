using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Icesco.Insights.Collector.Snippet;

/// <summary>
/// <c>GET /insights.js</c>: picks the encoding the browser accepts, answers 304 to a matching
/// <c>If-None-Match</c>, and lets caches keep the script for <see cref="SnippetOptions.CacheMaxAge"/>.
/// </summary>
internal static class SnippetEndpoint
{
    public const string Path = "/insights.js";

    public static IResult Serve(HttpContext context, SnippetAssetCache cache, IOptionsMonitor<SnippetOptions> options)
    {
        var asset = cache.Current;
        var chosen = Negotiate(context.Request, asset);
        var response = context.Response;
        var headers = response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = options.CurrentValue.CacheMaxAge };
        headers.ETag = chosen.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        // The site embeds the script from the Collector's origin: allow that even under a strict COEP.
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";

        // Any of the three tags names the same script, so a cached copy in another encoding still matches.
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || asset.All.Any(r => r.ETag.Compare(tag, useStrongComparison: false))))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (chosen.ContentEncoding is not null)
        {
            response.Headers.ContentEncoding = chosen.ContentEncoding;
        }

        return Results.Bytes(chosen.Content, "application/javascript; charset=utf-8");
    }

    private static SnippetAsset.Representation Negotiate(HttpRequest request, SnippetAsset asset)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding)
        {
            var named = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value == "*");
            return named is not null && named.Quality is null or > 0;
        }

        if (Accepts("br"))
        {
            return asset.Brotli;
        }

        return Accepts("gzip") ? asset.Gzip : asset.Identity;
    }
}
