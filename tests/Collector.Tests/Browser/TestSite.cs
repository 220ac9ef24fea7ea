using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.Collector.Tests.Browser;

/// <summary>
/// A stand-in for icesco.org on its own loopback port (so the snippet is cross-origin, as in
/// production): article pages in Arabic, English and French that embed the Collector's snippet.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSite(WebApplication app, Uri origin)
    {
        this.app = app;
        Origin = origin;
    }

    public Uri Origin { get; }

    /// <summary>Where the pages load the snippet from; set once the Collector has its port.</summary>
    public Uri? Collector { get; set; }

    public static async Task<TestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The Collector's appsettings.json sits in the test output too: override its Kestrel endpoint.
        builder.Configuration["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        var app = builder.Build();
        TestSite? site = null;
        app.MapGet("/{lang}/news/{articleId}", (string lang, string articleId) =>
            Results.Content(Page(lang, articleId, site!.Collector ?? throw new InvalidOperationException("No Collector set.")), "text/html; charset=utf-8"));
        await app.StartAsync();
        site = new TestSite(app, new Uri(app.Urls.Single()));
        return site;
    }

    public Uri Article(string lang, string articleId, string query = "") => new(Origin, $"/{lang}/news/{articleId}{query}");

    public ValueTask DisposeAsync() => app.DisposeAsync();

    // Arabic uses <meta>, English a data- attribute on <body>, French only the URL path for its language.
    private static string Page(string lang, string articleId, Uri collector)
    {
        var id = WebUtility.HtmlEncode(articleId);
        var script = $"""<script src="{new Uri(collector, "/insights.js")}" async></script>""";
        return lang switch
        {
            "ar" => $"""
                <!doctype html>
                <html lang="ar" dir="rtl">
                <head><meta charset="utf-8"><meta name="icesco:article-id" content="{id}"><title>الإيسيسكو</title>{script}</head>
                <body>
                <h1>الإيسيسكو تطلق برنامجًا جديدًا لتعليم اللغة العربية</h1>
                <p>نص الخبر.</p>
                <a href="#top">العودة إلى الأعلى</a>
                <div data-icesco-feedback></div>
                </body>
                </html>
                """,
            "en" => $"""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>ICESCO</title>{script}</head>
                <body data-article-id="{id}">
                <h1>ICESCO launches a new Arabic-language programme</h1>
                <p>Story text.</p>
                <a href="#top">Back to top</a>
                </body>
                </html>
                """,
            _ => $"""
                <!doctype html>
                <html>
                <head><meta charset="utf-8"><meta name="icesco:article-id" content="{id}"><title>ICESCO</title>{script}</head>
                <body>
                <h1>L'ICESCO lance un nouveau programme</h1>
                <div data-icesco-feedback></div>
                </body>
                </html>
                """,
        };
    }
}
