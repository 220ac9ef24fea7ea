using Icesco.Insights.Storage.Migrations;

namespace Icesco.Insights.Launcher;

/// <summary>What the launcher prints once everything is healthy: where each service is and how to sign in.</summary>
internal static class ReadySummary
{
    public static void Print(RunningSystem system, ServiceSpecs specs, ArticlesApiKey articlesKey, TimeSpan startTime)
    {
        var schema = system.Schema;
        var endpoint = system.ClickHouse;
        var collector = system.Collector;
        var query = Uri.EscapeDataString($"SHOW TABLES FROM {schema.Database}");
        Console.WriteLine($"""

            Icesco.Insights is running. Everything started in {startTime.TotalSeconds:F1} s.
              Dashboard              {system.Dashboard}
              {SignIn(system.FirstRunAdminLine, specs)}
              Collector              {collector}api/v1/events   (OpenAPI: {collector}openapi/v1.json)
              Website snippet        <script src="{collector}insights.js" async></script>
              Article API key        X-Api-Key from {articlesKey.FilePath}   ({collector}api/v1/articles)
              Jobs                   {system.Jobs}health   (weekly reports copied to {specs.ReportsDirectory})
              ClickHouse (embedded)  {endpoint}   database {schema.Database}: {Applied(schema)}
              Reference data         {schema.SeededMemberStates} member states, {schema.SeededTopics} topics newly seeded
              Try                    curl '{endpoint}?query={query}'
              ClickHouse.Driver      Host={endpoint.Host};Port={endpoint.Port};Database={schema.Database}
              Health                 {collector}health  {system.Jobs}health  {system.Dashboard}health

            Press Ctrl+C to stop.
            """);
    }

    private static string SignIn(string? firstRunLine, ServiceSpecs specs) => firstRunLine is null
        ? $"Sign in                the admin exists (its password was shown on the first run; users in {specs.DashboardDirectory})"
        : $"Sign in                {firstRunLine[(firstRunLine.IndexOf(ServiceSpecs.FirstRunMarker, StringComparison.Ordinal) + ServiceSpecs.FirstRunMarker.Length)..]}   (shown this once)";

    private static string Applied(SchemaMigrationResult result)
        => result.Applied.Count == 0 ? "schema already current" : $"applied {string.Join(", ", result.Applied.Select(m => m.Name))}";
}
