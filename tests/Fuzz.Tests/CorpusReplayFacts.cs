using Icesco.Insights.Fuzz.Targets;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Fuzz.Tests;

/// <summary>
/// Every seed of fuzz/corpus/ and every input the fuzzer once crashed on (fuzz/crashes/) goes through its target
/// on each test run, without afl-fuzz: the targets keep compiling against the code they fuzz, the seeds stay
/// inputs the code answers the documented way, and a fixed crash stays fixed.
/// </summary>
public sealed class CorpusReplayFacts
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_and_every_former_crash_is_answered_the_documented_way(string target)
    {
        var seeds = Inputs("corpus", target);
        Assert.True(seeds.Count >= 10, $"fuzz/corpus/{target} holds {seeds.Count} seeds; fuzz/extract-seeds.py and the seed command write them.");

        var failures = new List<string>();
        foreach (var file in seeds.Concat(Inputs("crashes", target)))
        {
            try
            {
                FuzzTargets.All[target](File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every failing input is listed, not only the first; the assert below fails the test.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_decompression_seed_exists_for_every_reader()
    {
        var selectors = Inputs("corpus", "decompression").Select(f => File.ReadAllBytes(f)[0] % DecompressionTarget.Encodings.Count).ToHashSet();
        Assert.Equal(Enumerable.Range(0, DecompressionTarget.Encodings.Count), selectors.Order());
    }

    private static List<string> Inputs(string kind, string target)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "fuzz", kind, target);
        return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal)] : [];
    }
}
