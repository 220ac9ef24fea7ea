using System.Runtime.InteropServices;

namespace Icesco.Insights.EmbeddedClickHouse.Library;

/// <summary>
/// The pinned chDB build: which npm package holds the engine for this platform, and the integrity
/// hash the registry published for it, so a tampered or truncated download is refused.
/// </summary>
internal sealed record ChdbPackage(string Name, string Version, string? Integrity, string LibraryFile)
{
    public const string PinnedVersion = "26.7.3-stable.1";

    public string Spec => $"{Name}@{Version}";

    public static ChdbPackage ForCurrentPlatform()
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            return new(
                "@chdb/lib-linux-x64-gnu",
                PinnedVersion,
                "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==",
                "libchdb.so");
        }

        // The darwin builds exist upstream but were not reachable from the machine that pinned this
        // file, so no hash is pinned: on macOS point ICESCO_CHDB_LIBRARY at a copy you trust.
        if (OperatingSystem.IsMacOS())
        {
            var arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            return new($"@chdb/lib-darwin-{arch}", PinnedVersion, null, "libchdb.so");
        }

        throw new PlatformNotSupportedException(
            $"chDB has no build for {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}); run ClickHouse as a server instead.");
    }
}
