using System.Security.Cryptography;
using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Library;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class LibraryAcquisitionFacts
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("pretend this is a tarball");

    [Fact]
    public async Task Content_matching_the_pinned_hash_passes()
    {
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(Content));

        await PackageIntegrity.VerifyAsync(new MemoryStream(Content), integrity, "pkg@1", CancellationToken.None);
    }

    [Fact]
    public async Task Content_that_differs_from_the_pinned_hash_is_refused_with_both_hashes_named()
    {
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData("other"u8.ToArray()));

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => PackageIntegrity.VerifyAsync(new MemoryStream(Content), integrity, "pkg@1", CancellationToken.None));

        Assert.Contains("pkg@1 failed its integrity check", error.Message, StringComparison.Ordinal);
        Assert.Contains(integrity, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_library_that_does_not_exist_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "libchdb.so");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ChdbLibraryLocator.LocateAsync(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_package_for_linux_is_the_one_the_issue_names()
    {
        var package = ChdbPackage.ForCurrentPlatform();

        Assert.Equal("@chdb/lib-linux-x64-gnu@26.7.3-stable.1", package.Spec);
        Assert.StartsWith("sha512-", package.Integrity, StringComparison.Ordinal);
    }
}
