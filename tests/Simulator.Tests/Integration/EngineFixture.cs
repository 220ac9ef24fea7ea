using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Simulator.Tests.Integration;

/// <summary>The test run's embedded ClickHouse; each test has a database of its own.</summary>
public sealed class EngineFixture() : EmbeddedEngine("icesco-simulator-ch-");

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "simulator over the embedded engine";
}
