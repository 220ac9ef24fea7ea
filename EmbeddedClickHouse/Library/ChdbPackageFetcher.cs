using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Icesco.Insights.EmbeddedClickHouse.Library;

/// <summary>
/// Fetches the pinned chDB package once with the ordinary npm client, checks its integrity against the
/// pinned hash, and unpacks the library into the cache. A lock file keeps concurrent first runs (test
/// projects start in parallel) from fetching twice; the final rename makes a half-written copy impossible.
/// </summary>
internal sealed class ChdbPackageFetcher(ChdbPackage package, TextWriter progress)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(3);

    public async Task FetchAsync(string target, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        using var fileLock = await AcquireLockAsync(Path.Combine(directory, ".fetch.lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(target))
        {
            return; // another process fetched it while we waited for the lock
        }

        if (package.Integrity is null)
        {
            throw new InvalidOperationException(
                $"No integrity hash is pinned for {package.Spec}; set {ChdbLibraryLocator.LibraryVariable} to a libchdb you trust.");
        }

        var work = Directory.CreateTempSubdirectory("chdb-fetch-");
        try
        {
            var tarball = await PackAsync(work.FullName, cancellationToken).ConfigureAwait(false);
            await VerifyAsync(tarball, package.Integrity, cancellationToken).ConfigureAwait(false);
            var partial = Path.Combine(directory, package.LibraryFile + ".partial");
            await ExtractAsync(tarball, partial, cancellationToken).ConfigureAwait(false);
            File.Move(partial, target, overwrite: true);
            await progress.WriteLineAsync($"chDB {package.Version} is ready in {directory}").ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                // Held by a concurrent fetch; it will finish or release the lock.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> PackAsync(string workDirectory, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"Fetching the ClickHouse engine {package.Spec} (about 170 MB, once) with npm pack…").ConfigureAwait(false);
        var start = new ProcessStartInfo("npm", ["pack", package.Spec, "--pack-destination", workDirectory, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"npm is needed once to fetch the engine (apt-get install -y nodejs npm), or set {ChdbLibraryLocator.LibraryVariable}: {e.Message}", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            while (!process.WaitForExit(Heartbeat))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await progress.WriteLineAsync($"  downloading… {clock.Elapsed.TotalSeconds:F0} s").ConfigureAwait(false);
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {package.Spec} failed ({process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
            }

            var name = (await output.ConfigureAwait(false)).Trim().Split('\n').Last().Trim();
            var tarball = Path.Combine(workDirectory, name);
            await progress.WriteLineAsync($"  downloaded {new FileInfo(tarball).Length / 1_000_000} MB in {clock.Elapsed.TotalSeconds:F0} s").ConfigureAwait(false);
            return tarball;
        }
    }

    private async Task VerifyAsync(string tarball, string integrity, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(tarball);
        await PackageIntegrity.VerifyAsync(stream, integrity, package.Spec, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync("  integrity verified (sha512)").ConfigureAwait(false);
    }

    private async Task ExtractAsync(string tarball, string destination, CancellationToken cancellationToken)
    {
        var wanted = "package/" + package.LibraryFile;
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.Name != wanted || entry.DataStream is null)
            {
                continue;
            }

            await using var output = File.Create(destination);
            var buffer = new byte[1 << 20];
            long copied = 0;
            var reported = -1L;
            int read;
            while ((read = await entry.DataStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                copied += read;
                var percent = copied * 100 / Math.Max(1, entry.Length);
                if (percent / 10 != reported)
                {
                    reported = percent / 10;
                    await progress.WriteLineAsync($"  unpacking {package.LibraryFile}: {percent}%").ConfigureAwait(false);
                }
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        throw new InvalidDataException($"{package.Spec} holds no {wanted}.");
    }
}
