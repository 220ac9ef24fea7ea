using Icesco.Insights.Collector.DurableLog;

namespace Icesco.Insights.Collector.Tests.DurableLog;

/// <summary>The write path's memory follows from its settings, and settings that cannot fit the heap stop the start.</summary>
public sealed class MemoryBoundFacts
{
    private const long ShippedHeapLimit = 64L * 1024 * 1024; // Collector/runtimeconfig.template.json

    [Fact]
    public void The_bound_is_the_product_of_the_settings()
    {
        var options = new DurableLogOptions { FlushBatchSize = 10_000, DuplicateWindow = 250_000 };
        Assert.Equal((10_000 * 2048L) + (250_000 * 64L) + (2L * 1024 * 1024), options.HeldBytes);
    }

    [Fact]
    public void The_defaults_and_the_in_flight_reserve_fit_in_the_shipped_heap_limit() =>
        Assert.Null(new DurableLogOptions().CheckMemory(ShippedHeapLimit));

    [Fact]
    public void The_defaults_leave_margin_for_what_the_estimate_does_not_count()
    {
        // A 56 MiB heap over the old defaults (52.8 MiB with the reserve, 94 %) met OutOfMemoryException under the
        // batched load (decision 0033): the defaults stay at most 60 % of the shipped heap.
        var defaults = new DurableLogOptions();
        Assert.True(defaults.HeldBytes + DurableLogOptions.InFlightReserveBytes <= ShippedHeapLimit * 6 / 10,
            $"defaults hold {defaults.HeldBytes + DurableLogOptions.InFlightReserveBytes:N0} B of a {ShippedHeapLimit:N0} B heap");
    }

    [Fact]
    public void A_window_too_large_for_the_heap_is_refused_naming_the_settings_and_the_limit()
    {
        var refusal = new DurableLogOptions { DuplicateWindow = 2_000_000 }.CheckMemory(ShippedHeapLimit);
        Assert.NotNull(refusal);
        Assert.Contains("DurableLog:DuplicateWindow (2,000,000)", refusal.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit", refusal.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(new DurableLogOptions { DuplicateWindow = 2_000_000 }.CheckMemory(4 * ShippedHeapLimit));
    }

    [Fact]
    public void The_shipped_runtime_configuration_sets_the_heap_limit_the_check_assumes()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot(), "Collector", "runtimeconfig.template.json"));
        Assert.Contains($"\"System.GC.HeapHardLimit\": {ShippedHeapLimit}", template, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_collector_runs_with_workstation_gc_and_the_heap_limit()
    {
        // What the runtime reads, not what the csproj says: a misspelt property once left server GC on unnoticed.
        var built = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Icesco.Insights.Collector.runtimeconfig.json")));
        var properties = built.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(ShippedHeapLimit, properties.GetProperty("System.GC.HeapHardLimit").GetInt64());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Icesco.Insights.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("Icesco.Insights.sln not found above the test's folder.");
    }
}
