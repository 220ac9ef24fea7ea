using Icesco.Insights.Panels;
using Icesco.Insights.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Jobs.Tests.Panels;

/// <summary>The definitions in dashboards/ are valid, and a broken one is refused with every problem named.</summary>
public sealed class PanelCatalogFacts : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("icesco-panels-").FullName;

    private static string Dashboards => Path.Combine(RepositoryRoot.Path, "dashboards");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_repository_s_definitions_pass_the_schema_and_the_rules()
    {
        var catalog = PanelCatalog.Load(Dashboards);

        var report = catalog.ReportPanels.Select(p => p.Id).ToList();
        Assert.Equal("week-headline", report[0]);
        Assert.Contains("views-by-topic-8-weeks", report);
        Assert.Contains("csat-8-weeks", report);
        Assert.All(catalog.ReportPanels, p => Assert.Contains(p.Chart.Kind, PanelChartKinds.InReport));
    }

    [Fact]
    public void The_copy_shipped_beside_the_service_is_the_repository_s()
    {
        foreach (var file in Directory.GetFiles(Dashboards, "*.json"))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dashboards", Path.GetFileName(file))));
        }
    }

    [Fact]
    public void A_broken_definition_is_refused_with_the_file_the_place_and_the_rule()
    {
        File.Copy(Path.Combine(Dashboards, "panels.schema.json"), Path.Combine(folder, "panels.schema.json"));
        File.WriteAllText(Path.Combine(folder, "broken.json"), """
            {
              "board": "broken",
              "title": { "ar": "ع", "en": "E", "fr": "F" },
              "panels": [
                {
                  "id": "bad-sql", "report": true,
                  "title": { "ar": "ع", "en": "E", "fr": "F" },
                  "query": { "sql": "SELECT x FROM trends WHERE period_start = {start:Date}; DROP TABLE trends" },
                  "chart": { "kind": "line", "x": "week", "y": ["views"] },
                  "columns": [ { "name": "x", "format": "integer", "title": { "ar": "ع", "en": "E", "fr": "F" } } ]
                },
                {
                  "id": "live-in-report", "report": true,
                  "title": { "ar": "ع", "en": "E", "fr": "F" },
                  "query": { "named": "live.nonexistent" },
                  "chart": { "kind": "map" },
                  "columns": [ { "name": "x", "format": "integer" } ]
                }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "schema-breaker.json"), """
            { "board": "Bad Id", "title": { "en": "only English" }, "panels": [] }
            """);

        var error = Assert.Throws<PanelDefinitionException>(() => PanelCatalog.Load(folder));

        var problems = string.Join("\n", error.Problems);
        Assert.Contains("broken.json: /panels/0 (bad-sql)/query/sql: must be one statement, without ';'", problems, StringComparison.Ordinal);
        Assert.Contains("unknown parameter {start:Date}", problems, StringComparison.Ordinal);
        Assert.Contains("/chart/x: 'week' is not one of the panel's columns", problems, StringComparison.Ordinal);
        Assert.Contains("/query/named: 'live.nonexistent' is not a named query", problems, StringComparison.Ordinal);
        Assert.Contains("a map panel cannot be in the weekly report", problems, StringComparison.Ordinal);
        Assert.Contains("a shown column needs a title", problems, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.StartsWith("schema-breaker.json: /board:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("schema-breaker.json: /title:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_with_broken_definitions_does_not_start()
    {
        File.Copy(Path.Combine(Dashboards, "panels.schema.json"), Path.Combine(folder, "panels.schema.json"));
        File.WriteAllText(Path.Combine(folder, "board.json"), "{ \"board\": ");
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Panels:Directory"] = folder }).Build());
        services.AddPanels();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PanelsOptions>>().Value);
        Assert.Contains("board.json: not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
