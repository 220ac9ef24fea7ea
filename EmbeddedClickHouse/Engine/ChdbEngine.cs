using System.Runtime.InteropServices;
using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Engine.Log;
using Icesco.Insights.EmbeddedClickHouse.Native;

namespace Icesco.Insights.EmbeddedClickHouse.Engine;

/// <summary>
/// The ClickHouse engine loaded in this process. chDB allows one engine (one data path) per process,
/// and closing its last connection shuts it down, so a keeper connection stays open for the life of
/// this object; disposing it (after every other connection) shuts the engine down cleanly — a process
/// that exits with connections open aborts in the engine's destructor.
/// </summary>
internal sealed unsafe class ChdbEngine : IDisposable
{
    private static readonly Lock Gate = new();
    private static ChdbEngine? current;

    private readonly string dataPath;
    private readonly EngineLog log;
    private readonly EngineConnection keeper;

    private ChdbEngine(string dataPath, EngineLog log)
    {
        this.dataPath = dataPath;
        this.log = log;
        keeper = Connect();
        using var result = keeper.Execute("SELECT timezone(), version()"u8, "TabSeparated", []);
        if (result.Error is not null)
        {
            throw new EngineException(result.Error);
        }

        using var reader = new StreamReader(result.OpenOutput(), Encoding.UTF8);
        var fields = (reader.ReadLine() ?? string.Empty).Split('\t');
        Timezone = fields[0];
        Version = fields.Length > 1 ? fields[1] : "unknown";
    }

    public string Timezone { get; }

    public string Version { get; }

    public string DataPath => dataPath;

    public static ChdbEngine Open(string libraryPath, string dataPath, EngineLog log)
    {
        lock (Gate)
        {
            if (current is not null)
            {
                throw new InvalidOperationException(
                    $"An embedded ClickHouse engine is already running in this process on '{current.dataPath}'; chDB allows one per process.");
            }

            ChdbLibraryResolver.Use(libraryPath);

            // The .NET runtime relies on its own SIGSEGV/SIGFPE handling (null references,
            // division by zero); the engine must not install process-wide handlers over it.
            ChdbNative.SetSignalHandlersEnabled(0);
            Directory.CreateDirectory(dataPath);
            current = new ChdbEngine(Path.GetFullPath(dataPath), log);
            return current;
        }
    }

    public EngineConnection Connect()
    {
        // Only the first connection boots the engine and reads its logger settings; later ones ignore them.
        string[] arguments = ["clickhouse", $"--path={dataPath}", .. log.ConnectArguments];
        var native = arguments.Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            fixed (nint* argv = native)
            {
                var pointer = ChdbNative.Connect(native.Length, (byte**)argv);
                if (pointer == nint.Zero || *(nint*)pointer == nint.Zero)
                {
                    throw new EngineException($"Code: 1001. DB::Exception: could not open the engine on '{dataPath}'. (STD_EXCEPTION)");
                }

                return new EngineConnection(pointer);
            }
        }
        finally
        {
            foreach (var p in native)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            keeper.Dispose();
            if (ReferenceEquals(current, this))
            {
                current = null;
            }
        }
    }
}
