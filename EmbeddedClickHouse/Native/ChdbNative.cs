using System.Runtime.InteropServices;

namespace Icesco.Insights.EmbeddedClickHouse.Native;

/// <summary>
/// The part of chDB's C API (<c>chdb.h</c>, 26.7) the endpoint uses. The library is resolved at run
/// time by <see cref="ChdbLibraryResolver"/>, because it lives in a cache outside the build output.
/// </summary>
internal static unsafe partial class ChdbNative
{
    public const string LibraryName = "chdb";

    [LibraryImport(LibraryName, EntryPoint = "chdb_connect")]
    public static partial nint Connect(int argc, byte** argv);

    [LibraryImport(LibraryName, EntryPoint = "chdb_close_conn")]
    public static partial void CloseConnection(nint connectionPointer);

    [LibraryImport(LibraryName, EntryPoint = "chdb_set_signal_handlers_enabled")]
    public static partial void SetSignalHandlersEnabled(int enabled);

    [LibraryImport(LibraryName, EntryPoint = "chdb_query_with_params_n")]
    public static partial ChdbResultHandle QueryWithParams(
        nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength,
        byte** names, nuint* nameLengths, byte** values, nuint* valueLengths, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "chdb_destroy_query_result")]
    public static partial void DestroyQueryResult(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_buffer")]
    public static partial byte* ResultBuffer(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_length")]
    public static partial nuint ResultLength(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_elapsed")]
    public static partial double ResultElapsed(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_read")]
    public static partial ulong ResultRowsRead(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_bytes_read")]
    public static partial ulong ResultBytesRead(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_storage_rows_read")]
    public static partial ulong ResultStorageRowsRead(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_storage_bytes_read")]
    public static partial ulong ResultStorageBytesRead(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_written")]
    public static partial ulong ResultRowsWritten(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_bytes_written")]
    public static partial ulong ResultBytesWritten(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_error")]
    public static partial byte* ResultError(ChdbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_insert_with_params_n")]
    public static partial ChdbInsertStreamHandle StreamInsertWithParams(
        nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength,
        byte** names, nuint* nameLengths, byte** values, nuint* valueLengths, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_append")]
    public static partial int StreamAppend(ChdbInsertStreamHandle stream, byte* data, nuint length);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_done")]
    public static partial ChdbResultHandle StreamDone(ChdbInsertStreamHandle stream);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_cancel_insert")]
    public static partial void StreamCancelInsert(ChdbInsertStreamHandle stream);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_insert_error")]
    public static partial byte* StreamInsertError(ChdbInsertStreamHandle stream);

    [LibraryImport(LibraryName, EntryPoint = "chdb_destroy_insert_stream")]
    public static partial void DestroyInsertStream(nint stream);
}
