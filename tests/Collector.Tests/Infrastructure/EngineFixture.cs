using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Collector.Tests.Infrastructure;

/// <summary>The test run's embedded ClickHouse; each test uses a database (and, for services, a log directory) of its own.</summary>
public sealed class EngineFixture() : EmbeddedEngine("icesco-collector-ch-");

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "collector over the embedded engine";
}
