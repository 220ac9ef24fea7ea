using Icesco.Insights.EmbeddedClickHouse.Library;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Endpoint;

/// <summary>
/// The first-use path for real: npm pack of the pinned package, integrity check, unpacking, with
/// progress. (npm's own cache makes this cheap after the first fetch on a machine.)
/// </summary>
public sealed class LibraryFetchFacts : IDisposable
{
    private readonly DirectoryInfo cache = Directory.CreateTempSubdirectory("icesco-chdb-fetch-");

    [Fact]
    public async Task The_pinned_engine_is_fetched_verified_and_unpacked_with_visible_progress()
    {
        var package = ChdbPackage.ForCurrentPlatform();
        var target = Path.Combine(cache.FullName, "chdb", package.Version, package.LibraryFile);
        var progress = new StringWriter();

        await new ChdbPackageFetcher(package, progress).FetchAsync(target, CancellationToken.None);

        var log = progress.ToString();
        Assert.True(new FileInfo(target).Length > 100_000_000, "the unpacked library is the full engine");
        Assert.Contains("integrity verified (sha512)", log, StringComparison.Ordinal);
        Assert.Contains("unpacking libchdb.so: 100%", log, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.partial"));
    }

    public void Dispose() => cache.Delete(recursive: true);
}
