using System.IO.Compression;
using System.Text;
using Icesco.Insights.Collector.Snippet;

namespace Icesco.Insights.Collector.Tests.Snippet;

/// <summary>What the snippet's source and its built representations promise, without a server.</summary>
public sealed class SnippetSourceFacts
{
    [Theory]
    [InlineData("document.cookie")]
    [InlineData("localStorage")]
    [InlineData("sessionStorage")]
    [InlineData("indexedDB")]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("eval(")]
    public void Source_never_touches(string api) => Assert.DoesNotContain(api, SnippetAsset.Source, StringComparison.Ordinal);

    [Fact]
    public void Source_names_no_other_host_so_it_can_only_talk_to_its_own_collector() =>
        Assert.DoesNotMatch("https?://", SnippetAsset.Source);

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void Served_script_is_under_5_KB_gzipped(int scale)
    {
        var asset = SnippetAsset.Build(new SnippetOptions { RatingScale = scale });

        Assert.InRange(asset.Gzip.Content.Length, 1, 5 * 1024 - 1);
        Assert.True(asset.Brotli.Content.Length <= asset.Gzip.Content.Length);
    }

    [Fact]
    public void Settings_are_injected_in_place_of_the_defaults()
    {
        var script = Text(SnippetAsset.Build(new SnippetOptions { RatingScale = 7, RespectDoNotTrack = false }).Identity.Content);

        Assert.Contains("""var CONFIG = {"scale":7,"respectDoNotTrack":false,"eventsPath":"/api/v1/events"};""", script, StringComparison.Ordinal);
        Assert.DoesNotContain("@config", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Compressed_representations_hold_the_same_script()
    {
        var asset = SnippetAsset.Build(new SnippetOptions());

        Assert.Equal(asset.Identity.Content, Decompress(asset.Gzip.Content, s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Equal(asset.Identity.Content, Decompress(asset.Brotli.Content, s => new BrotliStream(s, CompressionMode.Decompress)));
    }

    [Fact]
    public void Each_representation_has_its_own_strong_etag_and_a_setting_change_changes_them()
    {
        var five = SnippetAsset.Build(new SnippetOptions());
        var seven = SnippetAsset.Build(new SnippetOptions { RatingScale = 7 });

        Assert.Equal(3, five.All.Select(r => r.ETag.Tag.Value).Distinct().Count());
        Assert.All(five.All, r => Assert.False(r.ETag.IsWeak));
        Assert.NotEqual(five.Identity.ETag.Tag, seven.Identity.ETag.Tag);
    }

    [Fact]
    public void Compacting_drops_indentation_and_whole_line_comments_only()
    {
        var script = SnippetAsset.Compact("  // why\n  var a = 'x // y';\n\n    a += 1; // kept: not a whole line\n");

        Assert.Equal("var a = 'x // y';\na += 1; // kept: not a whole line\n", script);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] Decompress(byte[] bytes, Func<Stream, Stream> decompressor)
    {
        using var output = new MemoryStream();
        using (var stream = decompressor(new MemoryStream(bytes)))
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }
}
