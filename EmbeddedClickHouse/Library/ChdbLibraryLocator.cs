namespace Icesco.Insights.EmbeddedClickHouse.Library;

/// <summary>
/// Finds the engine library: an explicit path (option or <c>ICESCO_CHDB_LIBRARY</c>) wins; otherwise
/// the per-user cache, filled once from npm by <see cref="ChdbPackageFetcher"/>.
/// </summary>
public static class ChdbLibraryLocator
{
    public const string LibraryVariable = "ICESCO_CHDB_LIBRARY";
    public const string CacheVariable = "ICESCO_CACHE_DIR";

    /// <summary>Where downloads are cached: <c>$ICESCO_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/icesco-insights</c>, else <c>~/.cache/icesco-insights</c>.</summary>
    public static string CacheRoot
    {
        get
        {
            var explicitRoot = Environment.GetEnvironmentVariable(CacheVariable);
            if (!string.IsNullOrWhiteSpace(explicitRoot))
            {
                return explicitRoot;
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg))
            {
                return Path.Combine(xdg, "icesco-insights");
            }

            // Without a home (some service managers), a shared temp folder still survives across runs.
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home)
                ? Path.Combine(Path.GetTempPath(), "icesco-insights-cache")
                : Path.Combine(home, ".cache", "icesco-insights");
        }
    }

    /// <summary>Returns the path of a usable <c>libchdb</c>, fetching it first if nothing else is there.</summary>
    /// <param name="explicitPath">A configured path; must exist when given.</param>
    /// <param name="progress">Where first-use progress is written (the console's error stream by default).</param>
    /// <param name="cancellationToken">Stops a fetch in progress.</param>
    public static async Task<string> LocateAsync(string? explicitPath, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var configured = string.IsNullOrWhiteSpace(explicitPath) ? Environment.GetEnvironmentVariable(LibraryVariable) : explicitPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException(
                    $"The chDB library configured through the LibraryPath option or {LibraryVariable} does not exist: '{configured}'.", configured);
        }

        var package = ChdbPackage.ForCurrentPlatform();
        var target = Path.Combine(CacheRoot, "chdb", package.Version, package.LibraryFile);
        if (File.Exists(target))
        {
            return target;
        }

        var fetcher = new ChdbPackageFetcher(package, progress ?? Console.Error);
        await fetcher.FetchAsync(target, cancellationToken).ConfigureAwait(false);
        return target;
    }
}
