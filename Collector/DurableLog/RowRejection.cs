using ClickHouse.Driver;

namespace Icesco.Insights.Collector.DurableLog;

/// <summary>
/// Tells a batch ClickHouse refused because of what is in it from a batch it could not take at all.
/// Only errors raised before anything of the insert is written count: a constraint, a value that
/// does not parse or does not fit its type. Everything else (ClickHouse down, a missing table, a
/// materialized view failing after the table's part was written) is retried whole, as before —
/// splitting those would store rows twice or set aside rows that are fine.
/// </summary>
internal static class RowRejection
{
    // ClickHouse error codes (src/Common/ErrorCodes.cpp).
    private static readonly HashSet<int> Codes =
    [
        6,   // CANNOT_PARSE_TEXT
        27,  // CANNOT_PARSE_INPUT_ASSERTION_FAILED
        38,  // CANNOT_PARSE_DATE
        41,  // CANNOT_PARSE_DATETIME
        53,  // TYPE_MISMATCH
        69,  // ARGUMENT_OUT_OF_BOUND
        70,  // CANNOT_CONVERT_TYPE
        117, // INCORRECT_DATA
        131, // TOO_LARGE_STRING_SIZE
        321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
        469, // VIOLATED_CONSTRAINT
    ];

    public static bool IsRowRejection(Exception exception) =>
        exception is ClickHouseServerException server && Codes.Contains(server.ErrorCode);

    public static int CodeOf(Exception exception) => exception is ClickHouseServerException server ? server.ErrorCode : 0;
}
