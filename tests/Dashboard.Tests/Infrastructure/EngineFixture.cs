using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Dashboard.Tests.Infrastructure;

/// <summary>The test run's embedded ClickHouse; each test uses a database of its own.</summary>
public sealed class EngineFixture() : EmbeddedEngine("icesco-dashboard-ch-");

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "dashboard over the embedded engine";
}
