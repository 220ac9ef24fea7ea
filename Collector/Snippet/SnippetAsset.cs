using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace Icesco.Insights.Collector.Snippet;

/// <summary>
/// The served script in its three encodings (identity, gzip, brotli), built once from the embedded
/// source and the settings: the Collector compresses it itself, so nothing is compressed per request
/// and no app-wide compression middleware touches the ingestion API.
/// </summary>
public sealed partial class SnippetAsset
{
    private SnippetAsset(byte[] identity, byte[] gzip, byte[] brotli, string hash)
    {
        Identity = new(identity, null, new EntityTagHeaderValue($"\"{hash}\""));
        Gzip = new(gzip, "gzip", new EntityTagHeaderValue($"\"{hash}-gz\""));
        Brotli = new(brotli, "br", new EntityTagHeaderValue($"\"{hash}-br\""));
    }

    public Representation Identity { get; }

    public Representation Gzip { get; }

    public Representation Brotli { get; }

    public IEnumerable<Representation> All => [Identity, Gzip, Brotli];

    /// <summary>The readable source, as kept in the repository.</summary>
    public static string Source { get; } = ReadSource();

    public static SnippetAsset Build(SnippetOptions options)
    {
        var config = JsonSerializer.Serialize(new
        {
            scale = options.RatingScale,
            respectDoNotTrack = options.RespectDoNotTrack,
            eventsPath = "/api/v1/events",
        });
        var script = ConfigBlock().Replace(Source, config, 1);
        if (script == Source)
        {
            throw new InvalidOperationException("insights.js has no /*@config*/…/*@end*/ block to inject the settings into.");
        }

        var bytes = Encoding.UTF8.GetBytes(Compact(script));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..20];
        return new SnippetAsset(bytes, Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize)), hash);
    }

    /// <summary>
    /// A minifier that needs no tooling and cannot change meaning: it drops indentation, blank lines
    /// and whole-line <c>//</c> comments. The source has no multi-line strings, so every line stands alone.
    /// </summary>
    public static string Compact(string script)
    {
        var lines = script.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', lines) + "\n";
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.ToArray();
    }

    private static string ReadSource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Icesco.Insights.Collector.Snippet.insights.js")
            ?? throw new InvalidOperationException("insights.js is not embedded in the Collector assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"/\*@config\*/.*?/\*@end\*/", RegexOptions.Singleline)]
    private static partial Regex ConfigBlock();

    /// <summary>One encoding of the script, with the strong ETag that names it.</summary>
    public sealed record Representation(byte[] Content, string? ContentEncoding, EntityTagHeaderValue ETag);
}
