using System.Reflection;
using System.Runtime.InteropServices;

namespace Icesco.Insights.EmbeddedClickHouse.Native;

/// <summary>
/// Points the <see cref="ChdbNative.LibraryName"/> imports at the located <c>libchdb.so</c>. The
/// library is loaded once per process: the engine it holds is a process-wide singleton.
/// </summary>
internal static class ChdbLibraryResolver
{
    private static readonly Lock Gate = new();
    private static string? loadedPath;
    private static nint loadedHandle;

    public static void Use(string libraryPath)
    {
        lock (Gate)
        {
            if (loadedPath is not null)
            {
                if (!string.Equals(Path.GetFullPath(loadedPath), Path.GetFullPath(libraryPath), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"chDB is already loaded from '{loadedPath}'; one engine library per process.");
                }

                return;
            }

            loadedHandle = NativeLibrary.Load(libraryPath);
            loadedPath = libraryPath;
            NativeLibrary.SetDllImportResolver(typeof(ChdbNative).Assembly, Resolve);
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        => name == ChdbNative.LibraryName ? loadedHandle : nint.Zero;
}
