using System.Runtime.InteropServices;
using System.Text;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// File operations whose effect must survive a power cut: a file's data is made durable by fsync,
/// but a new or renamed name only by fsync of its directory, which .NET cannot open — hence libc.
/// </summary>
internal static class DurableFiles
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> so that after a crash it holds either the old or the new bytes, whole.</summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="contents">Its new bytes.</param>
    /// <param name="crashPoints">Whether <see cref="CrashPoints"/> of the checkpoint apply (they do for the checkpoint only).</param>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> contents, bool crashPoints = false)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(contents);
            stream.Flush(flushToDisk: true);
        }

        if (crashPoints)
        {
            CrashPoints.Reach(CrashPoints.CheckpointTemporary);
        }
        File.Move(temporary, path, overwrite: true);
        if (crashPoints)
        {
            CrashPoints.Reach(CrashPoints.CheckpointRenamed);
        }
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Makes the directory's entries (created, renamed, deleted files) durable.</summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // NTFS journals metadata; there is no directory handle to flush
        }

        var path = Encoding.UTF8.GetBytes(directory + "\0");
        var fd = NativeMethods.open(path, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks in the project; these three calls marshal nothing but a byte array.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int fd);
#pragma warning restore SYSLIB1054
    }
}
