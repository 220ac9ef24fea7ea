namespace Icesco.Insights.Fuzz.Targets;

/// <summary>
/// One surface under the fuzzer: it takes any bytes and returns when the code under test answered them the
/// documented way (a value, a violation, a clean error). Anything else escapes as an exception, which afl-fuzz
/// records as a crash and the corpus replay test fails on.
/// </summary>
public delegate void FuzzTarget(ReadOnlySpan<byte> input);

/// <summary>The targets by the name fuzz/run.sh and the corpus directories use.</summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, FuzzTarget> All { get; } = new Dictionary<string, FuzzTarget>(StringComparer.Ordinal)
    {
        ["event-body"] = EventBodyTarget.Run,
        ["insert-splitter"] = InsertSplitterTarget.Run,
        ["decompression"] = DecompressionTarget.Run,
    };
}

/// <summary>The code under test broke its contract on a fuzzer's input (a crash, in the fuzzer's terms).</summary>
public sealed class ContractBrokenException(string message) : Exception(message);
